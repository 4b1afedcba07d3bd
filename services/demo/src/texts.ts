import type { Activity, DeclineReason, MissionType } from '@werkbezoek/schema';

/** Synthetic person names: invented combinations, never real people. */
export const flemishFirstNames = [
  'An',
  'Annelies',
  'Bart',
  'Bert',
  'Dirk',
  'Els',
  'Eva',
  'Filip',
  'Geert',
  'Griet',
  'Hilde',
  'Ine',
  'Jan',
  'Joke',
  'Karen',
  'Katrien',
  'Kristof',
  'Leen',
  'Marc',
  'Marijke',
  'Nathalie',
  'Nele',
  'Peter',
  'Rik',
  'Sarah',
  'Stijn',
  'Tine',
  'Tom',
  'Veerle',
  'Wim',
  'Yasmine',
  'Zeynep',
] as const;

export const flemishLastNames = [
  'Aerts',
  'Baert',
  'Bogaert',
  'Claeys',
  'De Backer',
  'De Clercq',
  'De Coninck',
  'De Vos',
  'Dewulf',
  'Goossens',
  'Hermans',
  'Jacobs',
  'Lambrecht',
  'Leclercq',
  'Martens',
  'Michiels',
  'Mertens',
  'Nijs',
  'Pauwels',
  'Segers',
  'Smets',
  'Stevens',
  'Vandamme',
  'Van Damme',
  'Van de Velde',
  'Van Hecke',
  'Verbeke',
  'Verhaegen',
  'Vermeiren',
  'Willems',
] as const;

/** Name parts per partner country (synthetic combinations). */
export const southernNames: Readonly<Record<string, { first: readonly string[]; last: readonly string[] }>> = {
  BJ: {
    first: ['Codjo', 'Sèna', 'Adjoa', 'Kossi', 'Rachidatou', 'Florent', 'Mariam', 'Gbèdji'],
    last: ['Houngbédji', 'Agossou', 'Dossou', 'Zinsou', 'Kpadonou', 'Sabi', 'Ahouansou', 'Tchibozo'],
  },
  SN: {
    first: ['Mamadou', 'Aïssatou', 'Ousmane', 'Fatou', 'Cheikh', 'Khady', 'Ibrahima', 'Awa'],
    last: ['Diallo', 'Ndiaye', 'Sow', 'Ba', 'Faye', 'Sarr', 'Cissé', 'Diop'],
  },
  MA: {
    first: ['Youssef', 'Fatima', 'Hassan', 'Khadija', 'Rachid', 'Nadia'],
    last: ['El Amrani', 'Benali', 'Ouazzani', 'Bouzid', 'Tahiri', 'Alaoui'],
  },
  ZA: {
    first: ['Thandiwe', 'Sipho', 'Lerato', 'Pieter', 'Nomsa', 'Johan', 'Zanele', 'Bongani'],
    last: ['Nkosi', 'Dlamini', 'Van der Merwe', 'Mokoena', 'Botha', 'Ndlovu', 'Jacobs', 'Khumalo'],
  },
  NI: {
    first: ['María José', 'Carlos', 'Ana', 'Luis', 'Rosa', 'Jorge', 'Martha', 'Francisco'],
    last: ['López', 'Martínez', 'Rodríguez', 'González', 'Hernández', 'Pérez', 'Mairena', 'Gutiérrez'],
  },
  GT: {
    first: ['Juana', 'Pedro', 'Rosalía', 'Domingo', 'Magdalena'],
    last: ['Caal', 'Choc', 'Tut', 'Pop', 'Xol'],
  },
  PE: {
    first: ['Rosa', 'Julio', 'Lucía', 'Wilber', 'Nélida'],
    last: ['Quispe', 'Mamani', 'Huamán', 'Condori', 'Ccori'],
  },
  BO: {
    first: ['Gabriela', 'René', 'Carmen', 'Álvaro', 'Soledad'],
    last: ['Vargas', 'Flores', 'Arce', 'Mendoza', 'Rojas'],
  },
  EC: {
    first: ['Diana', 'Patricio', 'Mercedes', 'Fausto', 'Verónica', 'Segundo'],
    last: ['Guamán', 'Chimbo', 'Yupanqui', 'Andrade', 'Paucar', 'Morocho'],
  },
  RW: {
    first: ['Jean-Claude', 'Clementine', 'Emmanuel', 'Aline', 'Eric', 'Solange'],
    last: ['Habimana', 'Uwimana', 'Mugisha', 'Niyonsaba', 'Nkurunziza', 'Mukamana'],
  },
  BW: { first: ['Kgosi', 'Neo', 'Mpho', 'Boitumelo'], last: ['Molefe', 'Seretse', 'Kgosana', 'Tau'] },
  NA: { first: ['Ndapewa', 'Tuhafeni', 'Selma', 'Petrus'], last: ['Shikongo', 'Nghipandulwa', 'Amutenya', 'Iipinge'] },
};

export const coordinatorFunctions = [
  'stedenbandcoördinator',
  'ambtenaar internationale samenwerking',
  'duurzaamheidsambtenaar',
  'coördinator noord-zuid',
] as const;

export const acceptNotes: Readonly<Record<MissionType, readonly string[]>> = {
  IDENTIFICATION: [
    'Aanvaard: een eerste bezoek is het moment om de geest van het programma mee te bewaken.',
    'Aanvaard. We introduceren de delegatie bij de bovenlokale actoren.',
  ],
  EVALUATION: [
    'Aanvaard: we verzamelen goede praktijken en lessen voor het programma.',
    'Aanvaard. De medewerker begeleidt de evaluatievergadering met de partner.',
  ],
  TECHNICAL: [
    'Aanvaard omwille van de inhoudelijke knelpunten en de geplande activiteiten.',
    'Aanvaard: de VVSG-expertise is hier opportuun.',
  ],
  POLITICAL: [
    'Aanvaard: na de vernieuwing van de coalitie is een neutrale begeleiding nuttig.',
    'Aanvaard. We ondersteunen het gesprek met de gemeenteraad, oppositie inbegrepen.',
  ],
};

export const overrideAcceptNotes = [
  'Aanvaard tegen het advies in: de dienst weegt de relatie met de partner zwaarder dan het aantal redenen.',
  'Aanvaard na overleg met de directie; het budget voor dat jaar werd intussen vrijgemaakt.',
  'Aanvaard tegen het advies in: het bezoek valt samen met een regionaal overleg in de regio.',
  'Accepted against the recommendation: the partner asked for us explicitly after the last evaluation.',
];

export const declineNotes: Readonly<Record<DeclineReason, readonly string[]>> = {
  NOT_OPPORTUNE: [
    'Het bezoek heeft een duidelijke finaliteit, maar er zijn onvoldoende bijkomende redenen voor begeleiding. We blijven beschikbaar voor een voorbereidend gesprek.',
    'Niet opportuun: de stedenband loopt goed en werd recent nog begeleid. We bekijken graag samen de referentietermen.',
    'Voor dit type bezoek vragen we meer bijkomende redenen. Neem gerust contact op als de situatie verandert.',
    'Participation is not opportune for this visit; we gladly review the terms of reference with you.',
  ],
  NO_STAFF_TIME: [
    'Geen medewerker kan in die periode voldoende tijd vrijmaken om het bezoek voor te bereiden, te begeleiden en te verwerken.',
    'De beschikbare personeelstijd voor dat jaar is volledig ingepland. We bieden een voorbereidende sessie in Brussel aan.',
    'Not enough staff time that year to prepare, accompany and process the visit.',
  ],
  NO_BUDGET: [
    'Het programmabudget voor dat jaar laat een bijkomende begeleiding niet toe.',
    'Het budget voor dat jaar is nog niet goedgekeurd; we kunnen de begeleiding nu niet toezeggen.',
    'The programme budget for that year does not allow another accompaniment.',
  ],
};

export const overrideDeclineNotes = [
  'Geweigerd ondanks het positieve advies: de directie geeft voorrang aan gemeenten die nog nooit begeleid werden.',
  'Geweigerd: de geplande activiteiten vragen geen VVSG-expertise; de delegatie kan op eigen kracht gaan.',
  'Declined despite the recommendation: the visit overlaps with the regional conference we organise.',
];

export const withdrawalReasons = [
  'De partnergemeente kon de gevraagde periode niet garanderen.',
  'Het bezoek wordt uitgesteld tot na de begrotingsopmaak.',
  'De delegatie reist zonder begeleiding; de vraag vervalt.',
  'Ziekte van de schepen bevoegd voor de stedenband.',
  'Reisadvies van Buitenlandse Zaken voor de regio gewijzigd.',
  'The partner municipality asked to postpone the visit.',
];

export const covidWithdrawal =
  'COVID-19: alle buitenlandse dienstreizen van de gemeente zijn opgeschort (maatregelen van de Nationale Veiligheidsraad).';

export const cancellationReasons = [
  'Het reisadvies voor de regio werd verstrengd na onrust.',
  'De lokale verkiezingen bij de partner werden verschoven naar de periode van het bezoek.',
  'Ziekte binnen de delegatie; het bezoek wordt later opnieuw aangevraagd.',
  'De partner vroeg het bezoek uit te stellen wegens een nationale feestdag en rouwperiode.',
  'Visa for the delegation were not issued in time.',
];

export const covidCancellation =
  'COVID-19: de grenzen zijn gesloten en alle dienstreizen zijn geschrapt; geboekte dagen en budget worden vrijgegeven.';

export const amendmentNotes = [
  'Data aangepast aan de agenda van de partner.',
  'Samenstelling van de delegatie gewijzigd na het schepencollege.',
  'Bijkomende reden toegevoegd na overleg met de VVSG.',
  'Dates moved at the request of the partner municipality.',
];

export const adviceRationales: Readonly<Record<MissionType, readonly string[]>> = {
  IDENTIFICATION: [
    'Een eerste bezoek aan een nieuwe partner: VVSG kan de geest van het programma en de bovenlokale context mee bewaken.',
  ],
  EVALUATION: [
    'Het einde van de programmaperiode nadert: een begeleide evaluatie helpt om resultaten en lessen te verzamelen.',
    'Na de peer-evaluatie is een evaluatiemissie met begeleiding aangewezen.',
  ],
  TECHNICAL: [
    'Er zijn aanhoudende knelpunten in het beleidsdomein; een technische missie met VVSG-begeleiding kan helpen.',
  ],
  POLITICAL: [
    'Na de vorming van de nieuwe coalitie kan een politieke missie het draagvlak in de gemeenteraad versterken.',
    'Nieuwe burgemeester bij de partner: een begeleide politieke missie bewaakt de continuïteit.',
  ],
};

export const contactSummaries = {
  intake: [
    'Eerste gesprek over de aanvraag: finaliteit, data en samenstelling van de delegatie overlopen.',
    'Telefonisch overleg over de referentietermen en de rol van de VVSG-medewerker.',
    'Call about the request: purpose of the visit, dates and the programme with the partner.',
  ],
  yearly: [
    'Jaargesprek over de stand van de stedenband, de planning voor volgend jaar en de begroting.',
    'Overleg over het jaarverslag en de indicatoren van het programma.',
    'Annual meeting on the twinning, next year’s plans and the budget.',
  ],
  afterVisit: [
    'Terugkoppeling na het werkbezoek: bevindingen en afspraken met de partner overlopen.',
    'Debriefing with the coordinator after the visit; follow-up actions agreed.',
  ],
  renewal: [
    'Kennismaking met de nieuwe stedenbandcoördinator: het programma en de rol van de VVSG toegelicht.',
    'Gesprek met de nieuwe schepen over de toekomst van de stedenband.',
  ],
  funding: ['Overleg over de stopzetting van de federale financiering en de overstap naar de Vlaamse SDG-subsidie.'],
  covid: ['Videogesprek met de coördinator en de partner over de gevolgen van COVID-19 voor de samenwerking.'],
};

export const actorChangeDescriptions = {
  NORTH: {
    COALITION: 'Nieuwe coalitie na de gemeenteraadsverkiezingen van {year}.',
    MAYOR: 'Nieuwe burgemeester na de gemeenteraadsverkiezingen.',
    ALDERMAN: 'Nieuwe schepen bevoegd voor internationale samenwerking en de stedenband.',
    COORDINATOR: 'Nieuwe stedenbandcoördinator bij de gemeente.',
    SECRETARY_GENERAL: 'Nieuwe algemeen directeur.',
    COMMITTEE: 'Het stedenbandcomité werd vernieuwd.',
  },
  SOUTH: {
    COALITION: 'Nieuwe meerderheid in de gemeenteraad van de partner na de lokale verkiezingen.',
    MAYOR: 'Nieuwe burgemeester bij de partnergemeente na de lokale verkiezingen.',
    ALDERMAN: 'Nieuwe verantwoordelijke voor de samenwerking bij de partner.',
    COORDINATOR: 'Nieuwe contactpersoon voor de stedenband bij de partnergemeente.',
    SECRETARY_GENERAL: 'Nieuwe secretaris-generaal bij de partnergemeente.',
    COMMITTEE: 'Het comité van de partner werd vernieuwd.',
  },
} as const;

export const reportSummaries: Readonly<Record<MissionType, readonly string[]>> = {
  IDENTIFICATION: [
    'Kennismakingsbezoek aan {partner}. De delegatie van {municipality} ontmoette het bestuur, de administratie en het middenveld. De bovenlokale context (decentralisatie, prefectuur) werd toegelicht. Afspraken: een gezamenlijke verkenning van twee beleidsdomeinen en een samenwerkingsovereenkomst tegen het einde van het jaar.',
    'Identification visit to {partner}. The {municipality} delegation met the council, the administration and civil society; the supra-local context was introduced. Agreed: a joint scoping of two policy domains and a partnership agreement by the end of the year.',
  ],
  EVALUATION: [
    'Evaluatiemissie in {partner}. De resultaten van de programmaperiode werden samen met de partner overlopen. De institutionele capaciteit is versterkt op het vlak van planning en rapportering; de financiële opvolging blijft een aandachtspunt. Aanbevelingen voor de volgende periode zijn opgenomen in bijlage.',
    'Evaluation mission in {partner}. Results of the programme period were reviewed with the partner. Institutional capacity improved in planning and reporting; financial follow-up remains a concern. Recommendations for the next period are attached.',
  ],
  TECHNICAL: [
    'Technische missie in {partner} rond de prioritaire beleidsdomeinen. Werksessies met de diensten en terreinbezoeken; concrete afspraken over opleiding en opvolging. De beheersstructuur van de stedenband werd verduidelijkt.',
    'Technical mission in {partner} on the priority policy domains: working sessions with the departments and field visits; concrete agreements on training and follow-up. The twinning’s management structure was clarified.',
  ],
  POLITICAL: [
    'Politieke missie met raadsleden van meerderheid en oppositie van {municipality} in {partner}. De waarde van de gemeentelijke ontwikkelingssamenwerking werd ter plaatse zichtbaar. Enkele spanningen tussen de besturen werden besproken en uitgeklaard.',
    'Political mission with majority and opposition councillors of {municipality} in {partner}. The value of municipal development cooperation became visible on the ground; some tensions between the councils were discussed and resolved.',
  ],
};

export const activityNotes: Partial<Record<Activity, readonly string[]>> = {
  INFO_EXCHANGE_COUNCIL_SERVICES: [
    'Toelichting aan het college en de diensten over het programma en de rol van de VVSG.',
  ],
  TERMS_OF_REFERENCE: ['Referentietermen samen met de coördinator opgesteld.', 'Terms of reference reviewed.'],
  SUPRA_LOCAL_CONTACT: ['Contact gelegd met de ambassade en de nationale vereniging van gemeenten.'],
  PREPARATORY_TRAINING: ['Voorbereidende vorming voor de delegatieleden (interculturele communicatie, programma).'],
  DELEGATION_MEETINGS: ['Vergaderingen met het college en de diensten van de partner.'],
  FIELD_VISITS: ['Terreinbezoeken aan de projecten.', 'Field visits to the projects.'],
  KEY_FIGURE_INTERVIEWS: ['Individuele gesprekken met de burgemeester, de secretaris-generaal en diensthoofden.'],
  PARTNER_ROLE_EXCHANGE: ['Toelichting aan de partner over de rol van de VVSG-medewerker.'],
  SUPRA_LOCAL_CONSULTATION: ['Overleg met de ambassade en de vertegenwoordiging van Enabel.'],
  EVALUATION_MEETING: ['Evaluatievergadering met de delegatie en de partner begeleid.'],
  PERSONAL_REPORT: ['Persoonlijk verslag opgesteld.'],
  FEEDBACK_LESSONS: ['Bevindingen en lessen teruggekoppeld aan de coördinator en de schepen.'],
  EVALUATION_MOMENTS: ['Interne evaluatie met de stedenbandwerkgroep begeleid.'],
};

/** Fills `{key}` placeholders. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    values[key] === undefined ? whole : String(values[key]),
  );
}
