import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { excerpt, Highlighted, MATCH_END, MATCH_START, parseHighlight, plainText } from './highlight';

const mark = (word: string) => `${MATCH_START}${word}${MATCH_END}`;

describe('highlighted search matches', () => {
  it('splits the API text on its markers into matches and the text between', () => {
    expect(parseHighlight(`Composteren op de ${mark('markt')} halveert het rest${mark('afval')}`)).toEqual([
      { text: 'Composteren op de ', match: false },
      { text: 'markt', match: true },
      { text: ' halveert het rest', match: false },
      { text: 'afval', match: true },
    ]);
    expect(parseHighlight('Geen treffer')).toEqual([{ text: 'Geen treffer', match: false }]);
    expect(parseHighlight('')).toEqual([]);
  });

  it('survives markers out of order: an open match runs to the end, stray ends are dropped', () => {
    expect(parseHighlight(`a${MATCH_END}b${MATCH_START}c`)).toEqual([
      { text: 'ab', match: false },
      { text: 'c', match: true },
    ]);
    expect(parseHighlight(`${mark('')}x${mark('y')}${mark('z')}`)).toEqual([
      { text: 'x', match: false },
      { text: 'yz', match: true },
    ]);
  });

  it('renders matches as <mark> and never turns the text into markup', () => {
    const html = renderToStaticMarkup(<Highlighted text={`<img src=x onerror=alert(1)> ${mark('<b>afval</b>')}`} />);
    expect(html).toBe('&lt;img src=x onerror=alert(1)&gt; <mark>&lt;b&gt;afval&lt;/b&gt;</mark>');
    expect(plainText(`rest${mark('afval')}`)).toBe('restafval');
  });

  it('cuts a long body at a word for a result without search text', () => {
    expect(excerpt('kort')).toBe('kort');
    const body = 'De gemeente haalt het afval op met karren, tweemaal per week, in elke wijk van de stad.';
    expect(excerpt(body, 40)).toBe('De gemeente haalt het afval op met …');
  });
});
