/** Dutch, the source language: the privacy page (issue 15). */
export const privacyMessages = {
  'privacy.title': 'Privacy en gegevenswissing',
  'privacy.lead':
    'Wis de persoonsgegevens van een persoon op haar verzoek: de directie vraagt de wissing aan, een tweede persoon (een VVSG-medewerker) bevestigt ze. Daarna lees je haar gegevens overal als „gewist”.',

  'privacy.request.title': 'Wissing aanvragen',
  'privacy.request.how': 'Wie?',
  'privacy.request.staff': 'Een VVSG-medewerker',
  'privacy.request.byId': 'Een persoon of document op id',
  'privacy.request.search': 'Zoek een medewerker op naam',
  'privacy.request.searchHint': '{count, plural, one {# medewerker gevonden} other {# medewerkers gevonden}}',
  'privacy.request.pick': 'Medewerker',
  'privacy.request.pickNone': 'Kies een medewerker',
  'privacy.request.subjectId': 'Id van de persoon of het document',
  'privacy.request.subjectIdHint':
    'De UUID, zoals het inzageverzoek of de auditgeschiedenis hem toont; bijvoorbeeld de contactpersoon van een aanvraag.',
  'privacy.request.reason': 'Reden',
  'privacy.request.caseReference': 'Dossiernummer (optioneel)',
  'privacy.request.caseReferenceHint':
    'Het nummer in het register van verzoeken, zoals AVG-2026-0142; verplicht bij de reden „Andere”. Geen namen of vrije tekst.',
  'privacy.request.submit': 'Wissing aanvragen',
  'privacy.request.required': 'Vul dit in.',
  'privacy.request.done': 'De wissing is aangevraagd. Een tweede persoon moet ze nu bevestigen.',

  'privacy.pending.title': 'Wacht op bevestiging',
  'privacy.pending.empty': 'Geen wissingen die op bevestiging wachten.',
  'privacy.done.title': 'Afgehandeld',
  'privacy.done.empty': 'Nog geen wissingen.',
  'privacy.col.subject': 'Persoon of document',
  'privacy.col.kind': 'Soort',
  'privacy.col.reason': 'Reden',
  'privacy.col.requested': 'Aangevraagd',
  'privacy.col.decided': 'Afgehandeld',
  'privacy.col.status': 'Status',
  'privacy.col.actions': 'Acties',
  'privacy.byRole': '{date} door {role}',
  'privacy.purged': 'leesmodellen herbouwd',
  'privacy.purging': 'leesmodellen worden herbouwd',

  'privacy.confirm': 'Bevestigen',
  'privacy.confirm.ownRequest': 'U vroeg deze wissing zelf aan: een tweede persoon moet ze bevestigen.',
  'privacy.confirm.notYours': 'Alleen een VVSG-medewerker die de wissing niet zelf aanvroeg, kan ze bevestigen.',
  'privacy.cancel': 'Annuleren',
  'privacy.cancelled': 'De wissing is geannuleerd; er werd niets gewist.',

  'privacy.dialog.title': 'Gegevens definitief wissen?',
  'privacy.dialog.body':
    'De persoonsgegevens van {subject} ({kind}) worden gewist: de sleutel waarmee ze versleuteld zijn wordt vernietigd en de leesmodellen worden zonder die gegevens herbouwd.',
  'privacy.dialog.irreversible': 'Dit kan niet ongedaan worden gemaakt.',
  'privacy.dialog.confirm': 'Definitief wissen',
  'privacy.dialog.keep': 'Niet wissen',
  'privacy.confirmed': 'De gegevens zijn gewist.',
  'privacy.confirmedPurging': 'De sleutel is vernietigd; de leesmodellen worden nog herbouwd.',
};
