import type { DacCriterion, LessonLevel, Phase, PolicyDomain } from '@werkbezoek/schema';

/**
 * The bank of lessons learned the demo draws from: per policy domain several
 * lessons in Dutch and English, at process or results level, with the SDGs
 * and OECD-DAC criteria they speak to. Placeholders: {partner} (the southern
 * municipality), {municipality} (the Flemish one), {year}.
 */
export interface LessonTemplate {
  readonly level: LessonLevel;
  readonly phase: Phase;
  readonly sdgs: readonly number[];
  readonly dac: readonly DacCriterion[];
  readonly nl: { readonly title: string; readonly body: string };
  readonly en: { readonly title: string; readonly body: string };
}

export const lessonTemplates: Readonly<Record<PolicyDomain, readonly LessonTemplate[]>> = {
  CIVIL_REGISTRATION: [
    {
      level: 'RESULTS',
      phase: 'DURING',
      sdgs: [16],
      dac: ['EFFECTIVENESS', 'SUSTAINABILITY'],
      nl: {
        title: 'Digitale geboorteaktes vragen een stabiele stroomvoorziening',
        body: 'In {partner} vielen de registraties dagenlang stil bij stroomonderbrekingen. Een kleine zonne-installatie met batterij voor de dienst burgerlijke stand bleek goedkoper dan het verlies aan registraties. Neem energie standaard op in de begroting van digitaliseringsprojecten.',
      },
      en: {
        title: 'Digital birth registration needs a stable power supply',
        body: 'In {partner} registrations stalled for days during power cuts. A small solar installation with a battery for the civil registry proved cheaper than the registrations lost. Budget for energy in every digitisation project.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'PREPARATION',
      sdgs: [16, 17],
      dac: ['RELEVANCE', 'COHERENCE'],
      nl: {
        title: 'Betrek de nationale registratiedienst vóór het bezoek',
        body: 'De afspraken over de burgerlijke stand in {partner} hingen af van de nationale dienst, die pas tijdens het bezoek werd gecontacteerd. Een kort voorbereidend contact met het bovenlokale niveau had een halve dag overleg bespaard en de afspraken realistischer gemaakt.',
      },
      en: {
        title: 'Involve the national registration office before the visit',
        body: 'The civil registration agreements in {partner} depended on the national office, which was only contacted during the visit. A short preparatory contact at the supra-local level would have saved half a day of talks and made the agreements more realistic.',
      },
    },
    {
      level: 'RESULTS',
      phase: 'PROCESSING',
      sdgs: [16, 5],
      dac: ['IMPACT'],
      nl: {
        title: 'Mobiele registratiedagen verhogen het aantal aangegeven geboortes',
        body: 'Sinds {year} trekt de dienst burgerlijke stand van {partner} maandelijks naar de afgelegen dorpen. Het aantal laattijdige aangiftes daalde zichtbaar, vooral bij meisjes. De methode is overdraagbaar naar andere partnergemeenten in de regio.',
      },
      en: {
        title: 'Mobile registration days raise the number of registered births',
        body: 'Since {year} the civil registry of {partner} visits remote villages every month. Late registrations dropped visibly, especially for girls. The method can be transferred to other partner municipalities in the region.',
      },
    },
  ],
  LOCAL_GOVERNANCE: [
    {
      level: 'PROCESS',
      phase: 'DURING',
      sdgs: [16, 17],
      dac: ['RELEVANCE', 'EFFECTIVENESS'],
      nl: {
        title: 'De drie pijlers samen aan tafel brengen werkt',
        body: 'Voor het eerst zaten mandatarissen, administratie en middenveld van {partner} samen met de delegatie van {municipality} aan tafel. De gesprekken waren trager, maar de afspraken werden breder gedragen. Plan hiervoor een volle dag in het programma.',
      },
      en: {
        title: 'Bringing the three pillars to one table works',
        body: 'For the first time elected officials, administration and civil society of {partner} met the {municipality} delegation together. Talks were slower, but the agreements had broader support. Plan a full day for this in the programme.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'PREPARATION',
      sdgs: [16],
      dac: ['COHERENCE'],
      nl: {
        title: 'Referentietermen met concrete verwachtingen per pijler',
        body: 'De referentietermen vermeldden per pijler wat de delegatie wilde bereiken. Daardoor kon de partner de juiste gesprekspartners vooraf uitnodigen en bleef er tijd over voor terreinbezoeken.',
      },
      en: {
        title: 'Terms of reference with concrete expectations per pillar',
        body: 'The terms of reference stated per pillar what the delegation wanted to achieve. The partner could invite the right counterparts in advance, which left time for field visits.',
      },
    },
    {
      level: 'RESULTS',
      phase: 'PROCESSING',
      sdgs: [16, 11],
      dac: ['SUSTAINABILITY', 'IMPACT'],
      nl: {
        title: 'Een meerjarenplan overleeft de verkiezingen',
        body: 'Omdat het meerjarenplan van {partner} door de gemeenteraad was goedgekeurd, bleef de samenwerking na de lokale verkiezingen overeind. Een goedgekeurd plan is een sterkere basis dan afspraken met één burgemeester.',
      },
      en: {
        title: 'A multi-year plan survives the elections',
        body: 'Because the council of {partner} had adopted the multi-year plan, the cooperation held after the local elections. An adopted plan is a stronger basis than agreements with one mayor.',
      },
    },
  ],
  LOCAL_TAXES: [
    {
      level: 'RESULTS',
      phase: 'DURING',
      sdgs: [17, 16],
      dac: ['EFFECTIVENESS', 'EFFICIENCY'],
      nl: {
        title: 'Een eenvoudig belastingregister verdubbelt de marktinkomsten',
        body: 'Met een spreadsheet van de marktkramers en wekelijkse ontvangstbewijzen verdubbelden de marktinkomsten van {partner} op twee jaar. Transparantie over het gebruik van de inkomsten verhoogde de bereidheid om te betalen.',
      },
      en: {
        title: 'A simple tax register doubles market revenue',
        body: 'With a spreadsheet of market vendors and weekly receipts, the market revenue of {partner} doubled in two years. Being open about how the revenue is used made vendors more willing to pay.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'DURING',
      sdgs: [17],
      dac: ['RELEVANCE'],
      nl: {
        title: 'Financiële diensten spreken elkaars taal',
        body: 'Het gesprek tussen de financieel directeur van {municipality} en de ontvanger van {partner} ging snel over concrete knelpunten. Collega-tot-collega werkt het best als de functies vergelijkbaar zijn; stem de samenstelling van de delegatie daarop af.',
      },
      en: {
        title: "Finance departments speak each other's language",
        body: 'The conversation between the finance director of {municipality} and the revenue officer of {partner} quickly reached concrete bottlenecks. Colleague-to-colleague works best between comparable functions; compose the delegation accordingly.',
      },
    },
    {
      level: 'RESULTS',
      phase: 'PROCESSING',
      sdgs: [17, 8],
      dac: ['SUSTAINABILITY'],
      nl: {
        title: 'Belastingcampagnes werken beter via lokale radio',
        body: 'De sensibiliseringscampagne rond de lokale belasting in {partner} bereikte via de gemeenschapsradio veel meer inwoners dan via affiches. De kosten waren beperkt en de campagne werd door de gemeente zelf herhaald.',
      },
      en: {
        title: 'Tax campaigns work better through local radio',
        body: 'The local tax awareness campaign in {partner} reached far more residents through community radio than through posters. It cost little, and the municipality repeated it on its own.',
      },
    },
  ],
  LOCAL_ECONOMY: [
    {
      level: 'RESULTS',
      phase: 'DURING',
      sdgs: [8, 2],
      dac: ['EFFECTIVENESS', 'IMPACT'],
      nl: {
        title: 'Een overdekte markt trekt vrouwelijke handelaars aan',
        body: 'Sinds de overdekte marktzone in {partner} klaar is, steeg het aantal vrouwelijke handelaars met een derde. Sanitair en opslag bleken even belangrijk als het dak. Betrek de handelaarsvereniging vanaf het ontwerp.',
      },
      en: {
        title: 'A covered market attracts women traders',
        body: 'Since the covered market area in {partner} opened, the number of women traders rose by a third. Sanitation and storage mattered as much as the roof. Involve the traders’ association from the design stage.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'PREPARATION',
      sdgs: [8, 17],
      dac: ['RELEVANCE', 'COHERENCE'],
      nl: {
        title: 'Verwerking van landbouwproducten vraagt een ketenaanpak',
        body: 'De cassaveverwerking in {partner} liep vast op de afzet, niet op de productie. Breng bij de voorbereiding de hele keten in kaart: teelt, verwerking, verpakking, transport en markt.',
      },
      en: {
        title: 'Processing farm produce needs a value-chain approach',
        body: 'Cassava processing in {partner} was held back by sales, not by production. Map the whole chain when preparing: growing, processing, packaging, transport and market.',
      },
    },
    {
      level: 'RESULTS',
      phase: 'PROCESSING',
      sdgs: [8, 1],
      dac: ['SUSTAINABILITY', 'EFFICIENCY'],
      nl: {
        title: 'Een boerenmarkt wordt rendabel na drie seizoenen',
        body: 'De boerenmarkt die {municipality} en {partner} samen opstartten, dekte pas na drie seizoenen haar kosten. Verwacht geen snelle resultaten en voorzie een overbrugging in de begroting.',
      },
      en: {
        title: "A farmers' market breaks even after three seasons",
        body: "The farmers' market that {municipality} and {partner} started together only covered its costs after three seasons. Do not expect quick results and budget for the bridge.",
      },
    },
  ],
  WASTE_MANAGEMENT: [
    {
      level: 'RESULTS',
      phase: 'DURING',
      sdgs: [11, 12],
      dac: ['EFFECTIVENESS', 'SUSTAINABILITY'],
      nl: {
        title: 'Huis-aan-huisinzameling werkt met een kleine bijdrage',
        body: 'In {partner} betalen gezinnen een kleine maandelijkse bijdrage aan een lokale coöperatie voor de inzameling. De dekking steeg van een kwart naar meer dan de helft van de wijken. De coöperatie draait zonder subsidie.',
      },
      en: {
        title: 'Door-to-door collection works with a small fee',
        body: 'In {partner} households pay a small monthly fee to a local cooperative that collects their waste. Coverage rose from a quarter to more than half of the neighbourhoods. The cooperative runs without subsidy.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'DURING',
      sdgs: [12, 11],
      dac: ['RELEVANCE'],
      nl: {
        title: 'Technische oplossingen uit Vlaanderen passen niet altijd',
        body: 'De delegatie van {municipality} stelde containers voor die in {partner} niet te onderhouden zijn. De technische dienst van de partner had betere ideeën. Laat de partner eerst zijn eigen oplossingen voorstellen.',
      },
      en: {
        title: 'Flemish technical solutions do not always fit',
        body: "The {municipality} delegation proposed containers that cannot be maintained in {partner}. The partner's technical staff had better ideas. Let the partner propose its own solutions first.",
      },
    },
    {
      level: 'RESULTS',
      phase: 'PROCESSING',
      sdgs: [12, 13],
      dac: ['IMPACT'],
      nl: {
        title: 'Composteren op de markt halveert het restafval',
        body: 'De compostering van organisch marktafval in {partner} halveerde het afval dat naar de stortplaats gaat. De compost wordt verkocht aan tuinders; de opbrengst betaalt twee werknemers.',
      },
      en: {
        title: 'Composting at the market halves residual waste',
        body: 'Composting organic market waste in {partner} halved the waste going to the dump. The compost is sold to gardeners; the income pays two workers.',
      },
    },
  ],
  WATER: [
    {
      level: 'RESULTS',
      phase: 'DURING',
      sdgs: [6],
      dac: ['EFFECTIVENESS', 'SUSTAINABILITY'],
      nl: {
        title: 'Watercomités houden pompen draaiende',
        body: 'Waar in {partner} een watercomité met een kas bestaat, werken de pompen na vijf jaar nog. Waar er geen is, staat de helft stil. Investeer in het comité, niet alleen in de pomp.',
      },
      en: {
        title: 'Water committees keep pumps running',
        body: 'Where {partner} has a water committee with a fund, the pumps still work after five years. Where there is none, half have broken down. Invest in the committee, not only in the pump.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'PREPARATION',
      sdgs: [6, 17],
      dac: ['COHERENCE'],
      nl: {
        title: 'Stem irrigatieplannen af met de provincie',
        body: 'Het irrigatieproject in {partner} overlapte met een provinciaal programma waar niemand in de delegatie van wist. Een voorbereidend gesprek met de provincie voorkwam dubbel werk.',
      },
      en: {
        title: 'Align irrigation plans with the province',
        body: 'The irrigation project in {partner} overlapped with a provincial programme nobody in the delegation knew about. A preparatory talk with the province avoided duplication.',
      },
    },
    {
      level: 'RESULTS',
      phase: 'PROCESSING',
      sdgs: [6, 3],
      dac: ['IMPACT'],
      nl: {
        title: 'Minder diarree na de aanleg van tappunten',
        body: 'Het gezondheidscentrum van {partner} registreerde sinds de nieuwe tappunten duidelijk minder gevallen van diarree bij kinderen. Samen met een hygiënecampagne bleek de investering dubbel rendabel.',
      },
      en: {
        title: 'Less diarrhoea after new water points',
        body: 'Since the new water points, the health centre of {partner} has recorded clearly fewer cases of diarrhoea among children. Combined with a hygiene campaign the investment paid off twice.',
      },
    },
  ],
  ENVIRONMENT_CLIMATE: [
    {
      level: 'RESULTS',
      phase: 'DURING',
      sdgs: [13, 15],
      dac: ['EFFECTIVENESS', 'SUSTAINABILITY'],
      nl: {
        title: 'Herbebossing slaagt met schoolboomgaarden',
        body: 'De bomen die scholen in {partner} zelf verzorgen, overleven veel beter dan die van de grote plantdagen. Koppel herbebossing aan het onderwijs en aan fruit dat de leerlingen zelf plukken.',
      },
      en: {
        title: 'Reforestation succeeds with school orchards',
        body: 'Trees that schools in {partner} look after themselves survive far better than those of large planting days. Link reforestation to education and to fruit the pupils pick themselves.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'PREPARATION',
      sdgs: [7, 13, 17],
      dac: ['RELEVANCE', 'COHERENCE'],
      nl: {
        title: 'Een thematische stedenband vraagt een scherpe afbakening',
        body: 'De samenwerking rond hernieuwbare energie tussen {municipality} en {partner} kreeg pas vorm toen beide besturen één concreet project kozen. Een breed klimaatthema bleef te vaag om mee te starten.',
      },
      en: {
        title: 'A thematic twinning needs a sharp focus',
        body: 'The renewable energy cooperation between {municipality} and {partner} only took shape once both councils chose one concrete project. A broad climate theme was too vague to start with.',
      },
    },
    {
      level: 'RESULTS',
      phase: 'PROCESSING',
      sdgs: [7, 13],
      dac: ['IMPACT', 'EFFICIENCY'],
      nl: {
        title: 'Zonnepanelen op het gemeentehuis betalen zich snel terug',
        body: 'De zonnepanelen op het gemeentehuis van {partner} verminderden de dieselkosten zo sterk dat de investering in drie jaar terugverdiend is. De besparing gaat naar onderhoud van de installatie.',
      },
      en: {
        title: 'Solar panels on the town hall pay back quickly',
        body: 'The solar panels on the town hall of {partner} cut diesel costs so much that the investment pays back in three years. The savings fund the maintenance of the installation.',
      },
    },
  ],
  GENDER: [
    {
      level: 'PROCESS',
      phase: 'DURING',
      sdgs: [5, 16],
      dac: ['RELEVANCE', 'EFFECTIVENESS'],
      nl: {
        title: 'Aparte gesprekken met vrouwelijke raadsleden leveren meer op',
        body: 'In de plenaire vergaderingen in {partner} namen vrouwelijke raadsleden nauwelijks het woord. In een apart gesprek brachten ze de belangrijkste knelpunten aan. Plan zulke gesprekken standaard in.',
      },
      en: {
        title: 'Separate talks with women councillors yield more',
        body: 'In the plenary meetings in {partner} women councillors hardly spoke. In a separate conversation they raised the main bottlenecks. Plan such conversations as a rule.',
      },
    },
    {
      level: 'RESULTS',
      phase: 'PROCESSING',
      sdgs: [5, 8],
      dac: ['IMPACT', 'SUSTAINABILITY'],
      nl: {
        title: 'Spaargroepen van vrouwen financieren kleine ondernemingen',
        body: 'De spaargroepen die met steun van {municipality} in {partner} ontstonden, financieren nu zelf kleine handelsactiviteiten. De gemeente erkent ze officieel en betrekt ze bij de begroting.',
      },
      en: {
        title: "Women's savings groups finance small businesses",
        body: 'The savings groups that started in {partner} with the support of {municipality} now finance small trading activities themselves. The municipality recognises them officially and involves them in the budget.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'PREPARATION',
      sdgs: [5],
      dac: ['COHERENCE'],
      nl: {
        title: 'Een gemengde delegatie opent deuren',
        body: 'Omdat de delegatie van {municipality} evenveel vrouwen als mannen telde, kon ze in {partner} met alle groepen in gesprek gaan. Let bij de samenstelling van de delegatie op genderevenwicht.',
      },
      en: {
        title: 'A mixed delegation opens doors',
        body: 'Because the {municipality} delegation had as many women as men, it could talk with every group in {partner}. Mind gender balance when composing a delegation.',
      },
    },
  ],
  PARTICIPATION: [
    {
      level: 'RESULTS',
      phase: 'DURING',
      sdgs: [16, 10],
      dac: ['EFFECTIVENESS', 'IMPACT'],
      nl: {
        title: 'Een participatief budget versterkt het vertrouwen in de gemeente',
        body: 'De wijkcomités van {partner} kozen zelf hun projecten binnen een klein participatief budget. De opkomst bij de wijkvergaderingen verdubbelde en de belastinginning verbeterde.',
      },
      en: {
        title: 'A participatory budget builds trust in the municipality',
        body: 'The neighbourhood committees of {partner} chose their own projects within a small participatory budget. Attendance at neighbourhood meetings doubled and tax collection improved.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'DURING',
      sdgs: [16],
      dac: ['RELEVANCE'],
      nl: {
        title: 'Tolken uit de gemeenschap zijn onmisbaar',
        body: 'In de afgelegen dorpen van {partner} was een tolk uit de gemeenschap zelf nodig om echt gesprek mogelijk te maken. Voorzie tijd en budget voor vertaling in de lokale taal.',
      },
      en: {
        title: 'Interpreters from the community are indispensable',
        body: 'In the remote villages of {partner} an interpreter from the community itself was needed for a real conversation. Plan time and budget for translation into the local language.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'PROCESSING',
      sdgs: [16, 17],
      dac: ['SUSTAINABILITY'],
      nl: {
        title: 'Terugkoppeling aan de bewoners sluit de cirkel',
        body: 'Na het bezoek organiseerde {partner} een publieke terugkoppeling van de afspraken. Bewoners zagen dat hun inbreng iets opleverde; de volgende raadpleging trok meer deelnemers.',
      },
      en: {
        title: 'Reporting back to residents closes the loop',
        body: 'After the visit {partner} held a public feedback session on the agreements. Residents saw their input made a difference; the next consultation drew more participants.',
      },
    },
  ],
  YOUTH: [
    {
      level: 'RESULTS',
      phase: 'DURING',
      sdgs: [4, 8],
      dac: ['EFFECTIVENESS', 'SUSTAINABILITY'],
      nl: {
        title: 'Een jeugdraad geeft jongeren een stem in de gemeente',
        body: 'De jeugdraad die {partner} naar het voorbeeld van {municipality} oprichtte, geeft nu advies over de gemeentebegroting. De raad heeft een eigen klein budget en rapporteert aan de gemeenteraad.',
      },
      en: {
        title: 'A youth council gives young people a voice',
        body: 'The youth council {partner} set up on the example of {municipality} now advises on the municipal budget. It has a small budget of its own and reports to the council.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'PREPARATION',
      sdgs: [4, 17],
      dac: ['RELEVANCE'],
      nl: {
        title: 'Jongerenuitwisselingen vragen een duidelijke leerdoelstelling',
        body: 'De uitwisseling tussen jongeren van {municipality} en {partner} bleef steken in een toeristisch programma. Met vooraf afgesproken leerdoelen en een gezamenlijk project was het effect groter geweest.',
      },
      en: {
        title: 'Youth exchanges need a clear learning objective',
        body: 'The exchange between young people from {municipality} and {partner} got stuck in a tourist programme. With learning goals agreed in advance and a joint project it would have had more effect.',
      },
    },
    {
      level: 'RESULTS',
      phase: 'PROCESSING',
      sdgs: [4, 8, 16],
      dac: ['IMPACT'],
      nl: {
        title: 'Jeugdwerk vermindert schooluitval',
        body: 'De naschoolse activiteiten in {partner} trekken elke week honderden kinderen. De scholen melden minder uitval in het jaar na de start. Het jeugdwerk wordt nu deels door de gemeente betaald.',
      },
      en: {
        title: 'Youth work reduces school drop-out',
        body: 'The after-school activities in {partner} draw hundreds of children every week. Schools report less drop-out in the year after the start. The municipality now pays part of the youth work.',
      },
    },
  ],
  DIGITALISATION: [
    {
      level: 'RESULTS',
      phase: 'DURING',
      sdgs: [9, 16],
      dac: ['EFFECTIVENESS', 'EFFICIENCY'],
      nl: {
        title: 'Open-sourcesoftware houdt de ICT van de partner betaalbaar',
        body: 'De administratie van {partner} werkt met open-sourcesoftware die de eigen informaticus kan onderhouden. Licentiekosten zouden het project na de subsidieperiode onbetaalbaar hebben gemaakt.',
      },
      en: {
        title: "Open-source software keeps the partner's ICT affordable",
        body: 'The administration of {partner} runs open-source software its own IT officer can maintain. Licence fees would have made the project unaffordable after the subsidy period.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'DURING',
      sdgs: [9, 17],
      dac: ['RELEVANCE', 'SUSTAINABILITY'],
      nl: {
        title: 'Opleiding op de werkplek werkt beter dan een cursus',
        body: 'De informaticus van {municipality} werkte een week mee op de dienst van {partner}. Dat leverde meer op dan de klassikale cursus van het vorige bezoek. Plan technische ondersteuning op de werkvloer.',
      },
      en: {
        title: 'On-the-job training beats a course',
        body: 'The IT officer of {municipality} worked alongside the staff of {partner} for a week. It achieved more than the classroom course of the previous visit. Plan technical support on the shop floor.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'PREPARATION',
      sdgs: [9],
      dac: ['COHERENCE'],
      nl: {
        title: 'Check de nationale standaarden vóór je software kiest',
        body: 'Het registratiesysteem dat {partner} wilde invoeren, bleek niet compatibel met de nationale databank. Een controle vooraf bij het ministerie had maanden werk bespaard.',
      },
      en: {
        title: 'Check national standards before choosing software',
        body: 'The registration system {partner} wanted to introduce turned out not to be compatible with the national database. A check with the ministry beforehand would have saved months of work.',
      },
    },
  ],
  EDUCATION_LIBRARY: [
    {
      level: 'RESULTS',
      phase: 'DURING',
      sdgs: [4],
      dac: ['EFFECTIVENESS', 'IMPACT'],
      nl: {
        title: 'De bibliotheek wordt een leerplek voor scholieren',
        body: 'Sinds de bibliotheek van {partner} avondopeningen en een studiezaal met licht heeft, studeren er elke avond tientallen scholieren. De slaagcijfers in het lager secundair stegen.',
      },
      en: {
        title: 'The library becomes a study place for pupils',
        body: 'Since the library of {partner} opened in the evening with a lit study room, dozens of pupils study there every night. Pass rates in lower secondary rose.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'PROCESSING',
      sdgs: [4, 17],
      dac: ['SUSTAINABILITY'],
      nl: {
        title: 'Boeken in de lokale talen worden meer ontleend',
        body: 'De schenking van Franstalige boeken werd nauwelijks ontleend in {partner}. Boeken in de lokale talen en van lokale auteurs wel. Koop liever ter plaatse aan dan te verschepen.',
      },
      en: {
        title: 'Books in local languages are borrowed more',
        body: 'The donated French books were hardly borrowed in {partner}; books in local languages and by local authors were. Buy locally rather than ship.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'DURING',
      sdgs: [4],
      dac: ['RELEVANCE'],
      nl: {
        title: 'Scholenbanden hebben een aanspreekpunt in de gemeente nodig',
        body: 'De schoolbanden tussen {municipality} en {partner} draaiden goed zolang één leerkracht ze trok. Een aanspreekpunt bij de gemeente maakt ze minder kwetsbaar.',
      },
      en: {
        title: 'School links need a contact person at the municipality',
        body: 'The school links between {municipality} and {partner} ran well as long as one teacher drove them. A contact person at the municipality makes them less fragile.',
      },
    },
  ],
  HEALTH_WELFARE: [
    {
      level: 'RESULTS',
      phase: 'DURING',
      sdgs: [3],
      dac: ['EFFECTIVENESS'],
      nl: {
        title: 'Een ziekenfonds op gemeentelijk niveau verlaagt de drempel',
        body: 'Het gemeentelijk ziekenfonds van {partner} telt na drie jaar meer dan duizend leden. De bijdrage is laag en de gezondheidscentra worden vaker en vroeger bezocht.',
      },
      en: {
        title: 'A municipal health insurance scheme lowers the threshold',
        body: 'After three years the municipal health insurance scheme of {partner} has more than a thousand members. The fee is low and health centres are visited earlier and more often.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'DURING',
      sdgs: [3, 10],
      dac: ['RELEVANCE', 'COHERENCE'],
      nl: {
        title: 'Welzijnsdiensten leren van elkaars aanpak van kwetsbare gezinnen',
        body: 'De maatschappelijk werkers van {municipality} en {partner} vergeleken hun aanpak van kwetsbare gezinnen. Beide kanten namen iets mee: huisbezoeken in {partner}, een casusoverleg in {municipality}.',
      },
      en: {
        title: "Welfare services learn from each other's work with vulnerable families",
        body: 'Social workers from {municipality} and {partner} compared how they support vulnerable families. Both sides took something home: home visits in {partner}, case meetings in {municipality}.',
      },
    },
    {
      level: 'RESULTS',
      phase: 'PROCESSING',
      sdgs: [3, 6],
      dac: ['SUSTAINABILITY', 'IMPACT'],
      nl: {
        title: 'Preventie via scholen bereikt de hele familie',
        body: 'De gezondheidslessen op de scholen van {partner} werden thuis doorverteld. Het gezondheidscentrum zag meer moeders voor vaccinaties. Werk via de scholen voor preventiecampagnes.',
      },
      en: {
        title: 'Prevention through schools reaches the whole family',
        body: 'Health lessons at the schools of {partner} were passed on at home. The health centre saw more mothers coming for vaccinations. Use schools for prevention campaigns.',
      },
    },
  ],
  LAND_REGISTRY: [
    {
      level: 'RESULTS',
      phase: 'DURING',
      sdgs: [11, 1],
      dac: ['EFFECTIVENESS', 'IMPACT'],
      nl: {
        title: 'Een kadaster maakt de grondbelasting eerlijker',
        body: 'Met het vernieuwde kadaster van {partner} kon de grondbelasting op de werkelijke percelen worden geheven. De inkomsten stegen en het aantal grondconflicten daalde.',
      },
      en: {
        title: 'A cadastre makes land tax fairer',
        body: 'The renewed cadastre of {partner} allowed land tax to be levied on the real plots. Revenue rose and land disputes fell.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'PREPARATION',
      sdgs: [11, 17],
      dac: ['COHERENCE', 'EFFICIENCY'],
      nl: {
        title: 'GPS-metingen vragen afspraken met de nationale geografische dienst',
        body: 'De metingen die de landmeter van {municipality} met collega’s van {partner} deed, moesten worden overgedaan volgens de nationale standaard. Stem de methode vooraf af.',
      },
      en: {
        title: 'GPS surveys need agreements with the national mapping agency',
        body: 'The surveys the {municipality} land surveyor made with colleagues in {partner} had to be redone to the national standard. Agree on the method in advance.',
      },
    },
    {
      level: 'RESULTS',
      phase: 'PROCESSING',
      sdgs: [11],
      dac: ['SUSTAINABILITY'],
      nl: {
        title: 'Een ruimtelijk plan beschermt groene zones',
        body: 'Het eerste ruimtelijk plan van {partner} legde de groene zones langs de rivier vast. Ondanks de bouwdruk bleven ze sindsdien gevrijwaard.',
      },
      en: {
        title: 'A spatial plan protects green zones',
        body: 'The first spatial plan of {partner} fixed the green zones along the river. Despite building pressure they have been kept free since.',
      },
    },
  ],
};

/** Lessons about the accompaniment itself, whatever the domain; keyed by mission type. */
export const processTemplates: Readonly<Record<string, readonly LessonTemplate[]>> = {
  IDENTIFICATION: [
    {
      level: 'PROCESS',
      phase: 'DURING',
      sdgs: [17],
      dac: ['RELEVANCE'],
      nl: {
        title: 'Een identificatiemissie heeft tijd nodig voor de bovenlokale context',
        body: 'Het gesprek met de prefectuur en de vertegenwoordigers van de nationale overheid gaf de delegatie van {municipality} inzicht in de decentralisatie. Zonder die context waren de verwachtingen tegenover {partner} te hoog geweest.',
      },
      en: {
        title: 'An identification mission needs time for the supra-local context',
        body: 'Talks with the prefecture and national government representatives showed the {municipality} delegation how decentralisation works. Without that context its expectations of {partner} would have been too high.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'PREPARATION',
      sdgs: [17, 16],
      dac: ['COHERENCE'],
      nl: {
        title: 'Leg de colleague-to-colleague-aanpak vooraf uit aan de partner',
        body: 'De partner verwachtte in de eerste plaats financiële steun. Een voorbereidend gesprek over de collega-tot-collega-aanpak had veel misverstanden tijdens het bezoek aan {partner} voorkomen.',
      },
      en: {
        title: 'Explain the colleague-to-colleague approach to the partner beforehand',
        body: 'The partner first of all expected financial support. A preparatory talk on the colleague-to-colleague approach would have prevented many misunderstandings during the visit to {partner}.',
      },
    },
  ],
  EVALUATION: [
    {
      level: 'PROCESS',
      phase: 'DURING',
      sdgs: [17],
      dac: ['EFFECTIVENESS', 'RELEVANCE'],
      nl: {
        title: 'Een evaluatiemoment met beide delegaties samen werkt verhelderend',
        body: 'De gezamenlijke evaluatievergadering in {partner} bracht verschillen in verwachtingen aan het licht die in de rapporten niet zichtbaar waren. Begeleid zo’n moment door een neutrale derde.',
      },
      en: {
        title: 'A joint evaluation meeting clears the air',
        body: 'The joint evaluation meeting in {partner} brought out differences in expectations that the reports did not show. Have a neutral third party guide such a moment.',
      },
    },
    {
      level: 'RESULTS',
      phase: 'PROCESSING',
      sdgs: [17, 16],
      dac: ['EFFECTIVENESS', 'SUSTAINABILITY'],
      nl: {
        title: 'Indicatoren die de partner zelf meet, worden ook gebruikt',
        body: 'Alleen de indicatoren die {partner} zelf verzamelt voor de eigen planning, waren bij de evaluatie betrouwbaar. Beperk het aantal indicatoren en kies ze samen.',
      },
      en: {
        title: 'Indicators the partner measures itself are the ones used',
        body: 'Only the indicators {partner} collects for its own planning were reliable at the evaluation. Keep indicators few and choose them together.',
      },
    },
  ],
  TECHNICAL: [
    {
      level: 'PROCESS',
      phase: 'DURING',
      sdgs: [17],
      dac: ['EFFICIENCY'],
      nl: {
        title: 'Technische missies winnen bij een strak programma',
        body: 'Het programma in {partner} liet per dag tijd voor één terreinbezoek en één werksessie. Dat ritme gaf de technici van {municipality} ruimte voor echte uitwisseling in plaats van protocol.',
      },
      en: {
        title: 'Technical missions benefit from a tight programme',
        body: 'The programme in {partner} left time for one field visit and one working session a day. That rhythm gave the {municipality} technicians room for real exchange instead of protocol.',
      },
    },
  ],
  POLITICAL: [
    {
      level: 'PROCESS',
      phase: 'DURING',
      sdgs: [16, 17],
      dac: ['RELEVANCE', 'COHERENCE'],
      nl: {
        title: 'Oppositieleden in de delegatie maken de stedenband duurzamer',
        body: 'Doordat ook oppositieraadsleden van {municipality} meereisden naar {partner}, werd de stedenband na de verkiezingen niet in vraag gesteld. Nodig de hele gemeenteraad uit voor een politieke missie.',
      },
      en: {
        title: 'Opposition members in the delegation make the twinning last',
        body: 'Because opposition councillors of {municipality} also travelled to {partner}, the twinning was not questioned after the elections. Invite the whole council to a political mission.',
      },
    },
    {
      level: 'PROCESS',
      phase: 'PROCESSING',
      sdgs: [16],
      dac: ['SUSTAINABILITY'],
      nl: {
        title: 'Een terugkomavond in de gemeenteraad verankert de missie',
        body: 'De delegatieleden brachten na de terugkeer samen verslag uit in de gemeenteraad van {municipality}. De raad keurde daarna een meerjarig engagement voor {partner} goed.',
      },
      en: {
        title: 'A report-back evening in the council anchors the mission',
        body: 'After their return the delegation reported together to the council of {municipality}. The council then approved a multi-year commitment to {partner}.',
      },
    },
  ],
};

export const goodPracticeRationales: readonly string[] = [
  'Overdraagbaar naar andere partnergemeenten; opgenomen in de vorming voor nieuwe stedenbanden.',
  'Sterk voorbeeld van de collega-tot-collega-aanpak; te delen op de regionale conferentie.',
  'Meetbaar resultaat en door de partner zelf overgenomen: een goed praktijkvoorbeeld voor het programma.',
  'Transferable to other twinnings in the region; used in the training of new coordinators.',
  'Bevestigd door meerdere missies; opgenomen in de praktijkenbank.',
  'Sluit aan bij de SDG-partnerschappen; voorgesteld voor de thematische sessie.',
];

export const retractionReasons: readonly string[] = [
  'Dubbel met een eerder geregistreerde les van dezelfde missie.',
  'Bevat vertrouwelijke informatie over een persoon; op vraag van de partner verwijderd.',
  'Berust op een misverstand: de cijfers bleken niet te kloppen.',
  'Duplicate of a lesson recorded after the evaluation mission.',
];

/** Small corrections staff make to lessons after a review. */
export const editSuffixes = {
  nl: ' Aangevuld na de terugkoppeling met de partner.',
  en: ' Completed after the feedback session with the partner.',
};

/**
 * More findings, in Dutch (most of the catalogue is written in Dutch), so that
 * teams of different municipalities write different lessons: other findings,
 * places and angles. Each has a few titles (the same finding as another team
 * would put it). Placeholders as in the templates, plus {site}: a place in
 * the partner municipality that fits the domain (see `lessonSites`).
 */
export interface LessonFinding {
  readonly level: LessonLevel;
  readonly titles: readonly string[];
  readonly body: string;
}

export const lessonFindings: Readonly<Partial<Record<PolicyDomain, readonly LessonFinding[]>>> = {
  WASTE_MANAGEMENT: [
    {
      level: 'RESULTS',
      titles: ['Vrouwengroepen halen het afval op in {site}', 'Afvalophaling door buurtverenigingen werkt in {site}'],
      body: 'In {site} in {partner} haalt een vrouwengroep tweemaal per week het huishoudelijk afval op met karren, tegen een kleine maandelijkse bijdrage. De gemeente betaalt het transport naar de stortplaats. Na een jaar betaalt zeven op de tien gezinnen mee; de straatstorten zijn grotendeels verdwenen.',
    },
    {
      level: 'PROCESS',
      titles: ['Begin bij de stortplaats, niet bij de containers', 'Eerst de eindbestemming van het afval regelen'],
      body: 'De delegatie van {municipality} wilde containers leveren, maar {partner} had geen plek om het ingezamelde afval te brengen. Het gesprek met de prefectuur over een gecontroleerde stortplaats bleek de eigenlijke voorwaarde. Leg in de referentietermen vast waar het afval eindigt.',
    },
    {
      level: 'RESULTS',
      titles: ['Plastic zakjes worden straatstenen', 'Een kleine werkplaats recycleert plastic tot klinkers'],
      body: 'Een coöperatie van jongeren in {partner} smelt plastic zakjes met zand tot straatstenen voor {site}. De opbrengst dekt de lonen van vier jongeren en de gemeente koopt de stenen voor haar eigen wegenwerken. De technici van {municipality} adviseerden over de veiligheid van het smeltproces.',
    },
    {
      level: 'PROCESS',
      titles: ['Laat de afvalkalender door de wijkchefs verdelen', 'Wijkchefs maken de ophaaldagen bekend'],
      body: 'Affiches over de nieuwe ophaaldagen in {site} haalden weinig uit. Toen de wijkchefs de kalender huis aan huis bespraken, zette bijna iedereen het afval op de juiste dag buiten. Betrek traditionele gezagsdragers van bij het begin.',
    },
    {
      level: 'RESULTS',
      titles: [
        'Een afvalbelasting per kraam financiert de marktreiniging',
        'De marktkramers betalen de schoonmaak van {site}',
      ],
      body: 'Sinds {year} betalen de marktkramers van {site} een vaste bijdrage per kraam, die rechtstreeks naar de reiniging gaat. De markt is voor het eerst elke avond schoon en de kramers controleren zelf of het geld goed besteed wordt.',
    },
    {
      level: 'RESULTS',
      titles: [
        'Medisch afval apart ophalen bij het gezondheidscentrum',
        'Een verbrandingsoven voor het afval van {site}',
      ],
      body: 'Naalden en verbanden uit {site} belandden tussen het huishoudelijk afval. Met een eenvoudige verbrandingsoven en een aparte ophaalronde is dat opgelost. De milieudienst van {municipality} deelde haar procedure voor risicovol afval.',
    },
    {
      level: 'PROCESS',
      titles: ['Meet eerst hoeveel afval er is', 'Een week wegen vóór het afvalplan'],
      body: 'Niemand in {partner} wist hoeveel afval de gemeente produceerde. Een week lang wogen de jongeren van de milieuclub elke kar aan {site}. Met die cijfers kon het afvalplan realistisch worden begroot, en de gemeenteraad keurde het zonder discussie goed.',
    },
  ],
  LOCAL_ECONOMY: [
    {
      level: 'RESULTS',
      titles: [
        'Een overdekte markthal verhoogt de inkomsten van {site}',
        'Markthal in {site} trekt handelaars uit de buurgemeenten',
      ],
      body: 'De nieuwe markthal in {site} trekt sinds {year} ook handelaars uit de buurgemeenten. De standgelden stegen met een derde en de vrouwen die er verkopen, staan niet langer in de regen. Het onderhoudsplan werd samen met de marktcomités opgesteld.',
    },
    {
      level: 'PROCESS',
      titles: ['Marktcomités aan tafel vóór de bouwplannen', 'Laat de marktvrouwen het ontwerp mee tekenen'],
      body: 'Het eerste ontwerp voor {site} hield geen rekening met de plaats voor koelboxen en kinderen. Pas toen de delegatie van {municipality} met het marktcomité sprak, kwam dat aan het licht. Plan dat overleg vóór het bezoek van de architect.',
    },
    {
      level: 'RESULTS',
      titles: [
        'Een loket voor kleine ondernemers in het gemeentehuis',
        'Ondernemersloket verkort de registratie tot één dag',
      ],
      body: 'Een ondernemer in {partner} moest voor een vergunning langs drie diensten. Het nieuwe loket in het gemeentehuis regelt alles op één dag; het aantal geregistreerde zaken verdubbelde. De dienst economie van {municipality} deelde haar checklist voor starters.',
    },
    {
      level: 'PROCESS',
      titles: ['Lokale economie is meer dan de markt', 'Kijk ook naar de ambachten rond {site}'],
      body: 'De missie keek enkel naar de markt, terwijl de meeste jobs in {partner} in de kleine ateliers rond {site} zitten. Een vertegenwoordiger van de ambachtslieden in het programma had een vollediger beeld gegeven.',
    },
    {
      level: 'RESULTS',
      titles: ['Een koelcel voor de vissers halveert het verlies', 'Koelcel aan {site} houdt de vangst verkoopbaar'],
      body: 'Vóór de koelcel aan {site} bedierf een derde van de vangst voor ze verkocht was. Nu beheert een vissersvereniging de cel en betaalt ze de stroom uit een kleine vergoeding per kist. De gemeente volgt het beheer op in het meerjarenplan.',
    },
    {
      level: 'PROCESS',
      titles: ['Spreek over prijzen met de handelaars, niet over hen', 'Tariefverhogingen eerst uitleggen op {site}'],
      body: 'Een verhoging van de standgelden leidde in {partner} tot een marktstaking. De tweede keer legde de burgemeester de verhoging eerst zelf uit op {site}, met de plannen voor verlichting en toiletten; toen werd ze aanvaard.',
    },
  ],
  CIVIL_REGISTRATION: [
    {
      level: 'RESULTS',
      titles: [
        'Vroedvrouwen melden geboortes rechtstreeks aan',
        'Geboorteaangifte via het gezondheidscentrum van {site}',
      ],
      body: 'Sinds de vroedvrouwen van {site} elke geboorte doorgeven aan de dienst burgerlijke stand, krijgen bijna alle kinderen binnen de wettelijke termijn een geboorteakte. De ambtenaar komt wekelijks langs om de aangiftes te tekenen.',
    },
    {
      level: 'PROCESS',
      titles: ['Leer van de archivaris, niet alleen van de informaticus', 'Het papieren register eerst op orde'],
      body: 'De delegatie van {municipality} kwam voor de digitalisering, maar de registers in {partner} waren onvolledig en deels beschadigd. Een archivaris van {municipality} hielp eerst om de bestaande akten te ordenen; pas daarna had digitaliseren zin.',
    },
    {
      level: 'RESULTS',
      titles: ['Inhaalacties voor kinderen zonder geboorteakte', 'Een inhaaloperatie in de scholen van {site}'],
      body: 'Veel leerlingen in {site} hadden geen geboorteakte en konden daardoor geen examen afleggen. Met de rechtbank organiseerde {partner} zittingen in de scholen; in één schooljaar kregen honderden kinderen een akte.',
    },
    {
      level: 'PROCESS',
      titles: [
        'Trouwregister en geboorteregister apart bespreken',
        'Eén thema per werksessie bij de burgerlijke stand',
      ],
      body: 'Tijdens het bezoek aan {partner} werden alle registers in één sessie besproken; niemand kon volgen. Bij de tweede missie kreeg elk register een halve dag, met de ambtenaar die het bijhoudt.',
    },
    {
      level: 'RESULTS',
      titles: ['Een stroomvast archief voor de akten', 'Metalen kasten redden de registers van {site}'],
      body: 'Na de overstroming van {site} waren de registers van het bijkantoor nat en onleesbaar. Met metalen kasten op een verhoogde vloer en een kopie in het gemeentehuis is dat risico nu beperkt.',
    },
  ],
  YOUTH: [
    {
      level: 'RESULTS',
      titles: ['Een jeugdhuis in {site} wordt een ontmoetingsplek', 'Jongeren beheren zelf het jeugdhuis van {site}'],
      body: 'Het jeugdhuis in {site} wordt beheerd door een raad van jongeren die elk jaar verkozen wordt. De gemeente betaalt de elektriciteit; de jongeren organiseren zelf huiswerkklassen en filmavonden. De jeugddienst van {municipality} hielp met de statuten.',
    },
    {
      level: 'PROCESS',
      titles: ['Jongeren mee op werkbezoek', 'Twee jongeren in de delegatie veranderen het gesprek'],
      body: 'Voor het eerst reisden twee jongeren van de jeugdraad van {municipality} mee naar {partner}. Hun gesprekken met leeftijdsgenoten leverden meer op dan de officiële vergaderingen; de jeugdraad volgt het contact nu zelf op.',
    },
    {
      level: 'RESULTS',
      titles: [
        'Vakantiejobs bij de gemeente voor scholieren',
        'Scholieren helpen de gemeentediensten tijdens de vakantie',
      ],
      body: 'Dertig scholieren uit {partner} werkten tijdens de grote vakantie bij de gemeentediensten, onder meer aan {site}. Ze leerden hoe de gemeente werkt en enkelen solliciteerden later bij de administratie.',
    },
    {
      level: 'PROCESS',
      titles: ['Een sportterrein vraagt afspraken over het beheer', 'Wie onderhoudt het terrein van {site}?'],
      body: 'Het nieuwe sportterrein aan {site} lag na een jaar vol gaten omdat niemand verantwoordelijk was. Leg vóór de aanleg vast wie beheert, wie betaalt en hoe de jongeren inspraak krijgen.',
    },
  ],
  GENDER: [
    {
      level: 'PROCESS',
      titles: ['Vrouwelijke raadsleden apart gesproken', 'Een aparte sessie met de vrouwelijke raadsleden'],
      body: 'In de gemeenteraad van {partner} namen de vrouwelijke raadsleden zelden het woord. Een aparte sessie met de schepenen van {municipality} bracht hun prioriteiten boven: water en de veiligheid rond {site}.',
    },
    {
      level: 'RESULTS',
      titles: [
        'Verlichting rond {site} maakt de weg veiliger voor vrouwen',
        'Straatverlichting op vraag van de vrouwenraad',
      ],
      body: 'Op vraag van de vrouwenraad plaatste {partner} zonnelampen langs de weg naar {site}. Vrouwen en meisjes gaan er nu ook na zonsondergang heen; de vrouwenraad volgt het onderhoud op.',
    },
    {
      level: 'PROCESS',
      titles: ['Cijfers per geslacht vragen vóór het bezoek', 'Zonder gegevens per geslacht geen genderanalyse'],
      body: 'De delegatie van {municipality} wilde de impact op vrouwen bespreken, maar de diensten van {partner} hielden geen cijfers per geslacht bij. Vraag die gegevens op bij de voorbereiding, of plan tijd om ze samen te verzamelen.',
    },
  ],
  WATER: [
    {
      level: 'RESULTS',
      titles: ['Een watercomité per pomp houdt de pompen draaiende', 'Watercomités in {site} innen zelf de bijdrage'],
      body: 'Elke pomp in {site} heeft een comité dat een kleine bijdrage per jerrycan int. Met dat geld worden herstellingen binnen de week betaald; vroeger stond een kapotte pomp maanden stil.',
    },
    {
      level: 'PROCESS',
      titles: ['Het waterbedrijf van {municipality} mee aan tafel', 'Technici van het waterbedrijf in de delegatie'],
      body: 'Dankzij een technicus van het drinkwaterbedrijf in de delegatie van {municipality} konden de lekken in het net van {partner} ter plaatse worden besproken. Zijn aanwezigheid maakte het gesprek met de nationale waterdienst concreter.',
    },
    {
      level: 'RESULTS',
      titles: ['Regenwater opvangen op de daken van de scholen', 'Regenwatertanks aan de school van {site}'],
      body: 'De school van {site} vangt het regenwater op in twee tanks en heeft zo drie maanden langer water. De ouders onderhouden de goten; de gemeente heeft het model opgenomen in haar plan voor alle scholen.',
    },
  ],
  PARTICIPATION: [
    {
      level: 'RESULTS',
      titles: ['Een participatieve begroting in {site}', 'Bewoners van {site} kiezen zelf hun project'],
      body: 'De bewoners van {site} kozen met een stemming op de dorpsvergadering welk project de gemeente in {year} uitvoert: een waterput. De opkomst was groot en de bijdrage in natura ook.',
    },
    {
      level: 'PROCESS',
      titles: ['Vergader in de wijk, niet in het gemeentehuis', 'Een hoorzitting aan {site} bereikt meer mensen'],
      body: 'Op de hoorzitting in het gemeentehuis van {partner} kwamen vooral notabelen. Toen de raad vergaderde aan {site}, spraken ook vrouwen en jongeren. Houd bij de planning rekening met de marktdagen.',
    },
    {
      level: 'PROCESS',
      titles: ['Verslag terugbrengen naar wie inspraak gaf', 'De bewoners horen wat er met hun voorstellen gebeurde'],
      body: 'Na de eerste inspraakronde in {partner} hoorde niemand wat er met de voorstellen gebeurde, en de tweede ronde liep leeg. Een korte terugkoppeling via de lokale radio had dat voorkomen.',
    },
  ],
  LOCAL_TAXES: [
    {
      level: 'RESULTS',
      titles: ['Mobiele inning van de marktrechten', 'Inning met de gsm maakt de marktrechten controleerbaar'],
      body: 'De ontvangers van {partner} innen de marktrechten op {site} nu met een gsm-toepassing die meteen een ontvangstbewijs stuurt. Er verdwijnt minder geld en de kramers vertrouwen de inning meer.',
    },
    {
      level: 'PROCESS',
      titles: ['Een belastingtelling met de wijkchefs', 'Wijkchefs kennen de belastingplichtigen van {site}'],
      body: 'De telling van de belastingplichtigen in {site} liep vast tot de wijkchefs erbij betrokken werden. Zij kenden elke zaak en elk huis; de telling was in drie weken rond.',
    },
  ],
  LOCAL_GOVERNANCE: [
    {
      level: 'PROCESS',
      titles: ['Een nieuwe secretaris vraagt een nieuwe kennismaking', 'Na de wissel van secretaris opnieuw beginnen'],
      body: 'De nieuwe gemeentesecretaris van {partner} kende de afspraken met {municipality} niet. Een korte kennismaking met het volledige dossier voorkwam dat het meerjarenplan stil viel.',
    },
    {
      level: 'RESULTS',
      titles: ['Een organogram dat iedereen kent', 'Het personeel van {partner} weet nu wie waarvoor bevoegd is'],
      body: 'Samen met de personeelsdienst van {municipality} tekende {partner} een organogram met functiebeschrijvingen. Het hangt in elke dienst; klachten over het doorsturen van burgers daalden merkbaar.',
    },
  ],
};

/** Places in a partner municipality where a lesson of a domain takes place, for {site}. */
export const lessonSites: Readonly<Record<PolicyDomain, readonly string[]>> = {
  WASTE_MANAGEMENT: [
    'de centrale markt',
    'de wijk rond het busstation',
    'de vismarkt',
    'het oude centrum',
    'de wijk aan de rivier',
  ],
  LOCAL_ECONOMY: ['de veemarkt', 'de centrale markt', 'de aanlegsteiger', 'het busstation', 'de wekelijkse markt'],
  CIVIL_REGISTRATION: [
    'het gezondheidscentrum',
    'het bijkantoor in het noorden',
    'de landelijke deelgemeenten',
    'de vroedvrouwenpost',
  ],
  YOUTH: ['de wijk bij het lyceum', 'het sportterrein', 'het jongerencentrum', 'de wijk aan de markt'],
  GENDER: ['de waterput', 'de markt', 'het gezondheidscentrum', 'de school'],
  WATER: ['de noordelijke dorpen', 'de wijk op de heuvel', 'de lagere school', 'het marktplein'],
  PARTICIPATION: [
    'de noordelijke deelgemeente',
    'het marktplein',
    'de dorpen langs de rivier',
    'de wijk bij de moskee',
  ],
  LOCAL_TAXES: ['de centrale markt', 'de veemarkt', 'het busstation'],
  LOCAL_GOVERNANCE: ['het gemeentehuis'],
  ENVIRONMENT_CLIMATE: ['de oevers van de rivier'],
  DIGITALISATION: ['het gemeentehuis'],
  EDUCATION_LIBRARY: ['de gemeentelijke bibliotheek'],
  HEALTH_WELFARE: ['het gezondheidscentrum'],
  LAND_REGISTRY: ['de nieuwe verkaveling'],
};
