/** Dutch, the source language: every message of this part of the UI. */
export const authMessages = {
  'signIn.title': 'Aanmelden',
  'signIn.lead': 'Plannen en analyseren van begeleide werkbezoeken in stedenbanden.',
  'signIn.demo.title': 'Demo: kies een rol',
  'signIn.demo.body':
    'Deze omgeving draait met synthetische demogegevens. Elke rol ziet en mag wat die rol in het echt ziet en mag.',
  'signIn.as': 'Aanmelden als {role}',
  'signIn.role.MANAGEMENT': 'Dashboards over vraag, beslissingen, capaciteit en budget.',
  'signIn.role.PLANNER': 'Regionale clusters en gezamenlijke missies.',
  'signIn.role.ANALYST': 'Cijfers, lessen en goede praktijken.',
  'signIn.role.STAFF': 'Aanvragen beoordelen en beslissen.',
  'signIn.coordinator.title': 'Stedenbandcoördinator',
  'signIn.coordinator.body': 'Dien aanvragen in voor uw gemeente en volg ze op.',
  'signIn.municipality': 'Gemeente',
  'signIn.jwt.title': 'Aanmelden met een token',
  'signIn.jwt.body':
    'Plak het toegangstoken (JWT) dat u van uw organisatie kreeg. Aanmelden via OpenID Connect volgt later.',
  'signIn.jwt.token': 'Toegangstoken',
  'signIn.jwt.submit': 'Aanmelden',
  'signIn.jwt.empty': 'Vul een token in.',
  'signIn.expired': 'Uw sessie is verlopen of het token werd geweigerd. Meld u opnieuw aan.',
  'signIn.configError': 'De aanmeldinstellingen konden niet geladen worden. Draait de server?',
};
