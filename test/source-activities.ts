// What the signed source document says about each table row (Frontex–EASO Cooperation Plan, Helsinki 18 July 2019), so the data test needs no file outside the project.
export const sourceActivities: ReadonlyArray<{
  id: string;
  area: string;
  units: Record<string, string[]>;
  phrases: string[];
  status: string;
}> = [
  {
    id: 'OC-1',
    area: 'operational-cooperation',
    units: { frontex: ['FDU', 'PRU', 'TRU', 'SEC'], easo: ['OU', 'TU', 'SEC'] },
    phrases: [
      'ensure a consistent approach towards the set-up and implementation',
      'investigate the development and delivery of joint training for MMST members',
      'Develop a joint conceptual framework and communication protocol',
      'Joint dialogue with the Commission will continue as appropriate.',
    ],
    status: 'ongoing',
  },
  {
    id: 'OC-2',
    area: 'operational-cooperation',
    units: { frontex: ['ORD'], easo: ['OU'] },
    phrases: [
      'Both Agencies cooperate in the frontline in the framework of operations',
      'which are updated periodically under the supervision of the Commission.',
    ],
    status: 'ongoing',
  },
  {
    id: 'OC-3',
    area: 'operational-cooperation',
    units: { frontex: ['ICU'], easo: ['OU'] },
    phrases: [
      'cooperate in the area of their external dimension',
      'Instrument of Pre-Accession II (IPAII) project',
      'also in the light of the new Regulations concerning the two Agencies.',
    ],
    status: 'ongoing',
  },
  {
    id: 'OC-4',
    area: 'operational-cooperation',
    units: { frontex: ['PRU'], easo: ['OU', 'FPU', 'PRS'] },
    phrases: [
      'joint procurements and/or logistics/supply of items for daily operations',
      'harmonise and render more efficient service delivery.',
    ],
    status: 'planned',
  },
  {
    id: 'IA-1',
    area: 'information-and-analysis',
    units: { frontex: ['RAU', 'FSC', 'IFC', 'ECRet'], easo: ['IAU', 'CSU'] },
    phrases: [
      'delivering a Common Situational Picture on irregular migration',
      'in each other’s’ regular and ad hoc analysis products',
      'Working Group on Return Data for Analysis',
      'Frontex Integrated Return Management Application (IRMA) platforms, as per Service Level Agreement (SLA).',
    ],
    status: 'planned',
  },
  {
    id: 'IA-2',
    area: 'information-and-analysis',
    units: { frontex: ['RAU'], easo: ['IAU'] },
    phrases: [
      'In cooperation with Europol, both Agencies will perform joint analyses',
      'including for the purpose of asylum shopping',
      'EU+ Countries / EU MS and SAC to respond to the phenomenon.',
    ],
    status: 'planned',
  },
  {
    id: 'IA-3',
    area: 'information-and-analysis',
    units: { frontex: ['VAU'], easo: ['ASU', 'IAU'] },
    phrases: [
      'areas covered by Frontex Vulnerability Assessment (VA) activities',
      'major developments related to asylum border procedures',
      'development of quality control methodologies and related tools.',
    ],
    status: 'planned',
  },
  {
    id: 'IA-4',
    area: 'information-and-analysis',
    units: { frontex: ['RAU'], easo: ['IAU'] },
    phrases: [
      'jointly procuring external expertise on significant countries of origin and transit',
      'EASO’s experience with Country Intelligence Reports.',
    ],
    status: 'planned',
  },
  {
    id: 'CB-1',
    area: 'capacity-building',
    units: { frontex: ['TRU'], easo: ['TU'] },
    phrases: [
      'Development and delivery, on the basis of the conceptual framework on MMSTs',
      'of joint training for MMST members.',
    ],
    status: 'planned',
  },
  {
    id: 'CB-2',
    area: 'capacity-building',
    units: { frontex: ['TRU'], easo: ['TU'] },
    phrases: [
      'Frontex common core curricula',
      'European Joint Master’s in Strategic Border on thematic developments',
    ],
    status: 'planned',
  },
  {
    id: 'CB-3',
    area: 'capacity-building',
    units: { frontex: ['TRU'], easo: ['TU'] },
    phrases: [
      'European Sectoral Qualifications Framework for asylum officials and reception officers',
      'a training governance and accreditation system.',
    ],
    status: 'planned',
  },
  {
    id: 'CB-4',
    area: 'capacity-building',
    units: { frontex: ['ECRet', 'FRO'], easo: ['ASU', 'IAU'] },
    phrases: [
      'as part of the same migration continuum',
      'mainstreaming of potential connections between core asylum processes and the return process',
      'protection-sensitive migration management at the borders.',
    ],
    status: 'planned',
  },
  {
    id: 'CB-5',
    area: 'capacity-building',
    units: { frontex: ['RIU'], easo: ['IAU'] },
    phrases: [
      'exchange best practices and lessons learned for research programmes',
      'update of internal research policies and procedures.',
    ],
    status: 'planned',
  },
  {
    id: 'CB-6',
    area: 'capacity-building',
    units: { frontex: ['RIU'], easo: ['IAU'] },
    phrases: [
      'identify, define and plan future joint research studies / projects.',
      'already-planned research activities',
      'support each other or closely collaborate.',
    ],
    status: 'planned',
  },
  {
    id: 'CB-7',
    area: 'capacity-building',
    units: { frontex: ['RIU', 'RAU'], easo: ['IAU'] },
    phrases: [
      'methodologies for big data, forecasting and monitoring.',
      'long-term migration trends',
      'would be another key element of this activity.',
    ],
    status: 'planned',
  },
  {
    id: 'HC-1',
    area: 'horizontal-cooperation',
    units: { frontex: ['CAB'], easo: ['EXO'] },
    phrases: [
      'invite each other to attend their respective Management Board meetings',
      'will continue to hold joint Management Board sessions.',
    ],
    status: 'ongoing',
  },
  {
    id: 'HC-2',
    area: 'horizontal-cooperation',
    units: { frontex: ['RAU'], easo: ['IAU', 'ICT'] },
    phrases: [
      'Cooperation with eu-LISA and the Commission is foreseen',
      'Common Repository for Reporting and Statistics (CRRS)',
      'exchange information on analysis-relevant developments',
      'large-scale EU IT systems for analysis and reporting.',
    ],
    status: 'planned',
  },
  {
    id: 'HC-3',
    area: 'horizontal-cooperation',
    units: { frontex: ['IEC'], easo: ['LO'] },
    phrases: [
      'EASO LO at Frontex Headquarters will continue activities',
      'in accordance to the terms of reference.',
    ],
    status: 'ongoing',
  },
  {
    id: 'HC-4',
    area: 'horizontal-cooperation',
    units: { frontex: ['PRU', 'CAP'], easo: ['HR'] },
    phrases: [
      'exchange information on procurement plans',
      'continue to provide mutual assistance in regard to recruitment procedures.',
    ],
    status: 'ongoing',
  },
  {
    id: 'HC-5',
    area: 'horizontal-cooperation',
    units: { frontex: ['FRO'], easo: ['CSU', 'DAS'] },
    phrases: [
      'possible joint activities/synergies between their Consultative Fora.',
      'each Agency’s Consultative Forum',
      'cooperate bilaterally with the Frontex Fundamental Rights Officer in relevant activities.',
    ],
    status: 'planned',
  },
];
