import { describe, expect, it } from 'vitest';
import { csvFileName, csvFormats, toCsv } from './csv';

const rows = [
  { quarter: '2026-Q1', name: 'Sint-Truiden; Nueva Guinea', cost: 1234.5, rate: null },
  { quarter: '2026-Q2', name: 'Zei "ja"\nen ging', cost: 0, rate: 0.75 },
];
const columns = [
  { header: 'Kwartaal', value: (r: (typeof rows)[number]) => r.quarter },
  { header: 'Gemeente', value: (r: (typeof rows)[number]) => r.name },
  { header: 'Kosten (€)', value: (r: (typeof rows)[number]) => r.cost },
  { header: 'Overeenstemming', value: (r: (typeof rows)[number]) => r.rate },
];

describe('CSV export of a chart’s figures', () => {
  it('writes Dutch spreadsheets’ dialect: semicolons, decimal commas, quoted where needed', () => {
    expect(toCsv(columns, rows, csvFormats.nl)).toBe(
      'Kwartaal;Gemeente;Kosten (€);Overeenstemming\r\n' +
        '2026-Q1;"Sint-Truiden; Nueva Guinea";1234,5;\r\n' +
        '2026-Q2;"Zei ""ja""\nen ging";0;0,75\r\n',
    );
  });

  it('writes commas and decimal points in English, numbers without thousands separators', () => {
    expect(toCsv(columns, rows, csvFormats.en).split('\r\n')[1]).toBe('2026-Q1,Sint-Truiden; Nueva Guinea,1234.5,');
  });

  it('names the file after the chart', () => {
    expect(csvFileName('Vraag per type missie en kwartaal')).toBe('vraag-per-type-missie-en-kwartaal.csv');
    expect(csvFileName('Coördinatie: één € ')).toBe('coordinatie-een.csv');
    expect(csvFileName('€')).toBe('werkbezoek.csv');
  });
});
