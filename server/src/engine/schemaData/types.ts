/** Types of the data files in schemas/. The files are validated against schemas/meta/*.json in tests. */

export type Predicate =
  { all: Predicate[] } | { any: Predicate[] } | { not: Predicate } | { section: string } | FactPredicate;

export interface FactPredicate {
  fact: string;
  exists?: true;
  equals?: Scalar;
  in?: Scalar[];
  gte?: number;
  lte?: number;
  includes?: Scalar;
  includesAny?: Scalar[];
  includesAll?: Scalar[];
  minItems?: number;
}

export type Scalar = string | number | boolean;

export interface ColumnSpec {
  id: string;
  title: string;
  aliases?: string[];
  required?: boolean;
  kind?: 'id';
  type?: 'text' | 'number' | 'percent' | 'date';
}

export interface TableSpec {
  id: string;
  title: string;
  optional?: boolean;
  minRows?: number;
  /** row: template text in a row makes only that row not count, not the whole section. */
  placeholders?: 'row';
  columns: ColumnSpec[];
  rowSchema?: Record<string, unknown>;
}

export interface SectionSpec {
  id: string;
  title: string;
  aliases?: string[];
  requiredFrom: string;
  when?: Predicate;
  guidance: { why: string; reviewerChecks: string[]; sources: string[] };
  template: string;
  /** Front-matter keys whose findings count as this section's. */
  frontMatter?: string[];
  tables?: TableSpec[];
}

export interface SectionCatalogue {
  version: 1;
  sections: SectionSpec[];
}

export interface StageSpec {
  id: string;
  title: string;
  order: number;
  terminal?: boolean;
  description?: string;
}

export interface GateItemSpec {
  id: string;
  title: string;
  when?: Predicate;
  requires?: Predicate;
  signoff?: boolean;
  hint: string;
  rationale: string;
  sources: string[];
  waivable?: boolean;
  /** The stage from which the law requires the item, earlier than its gate's (it blocks from there). */
  dueFrom?: string;
  fix?: { frontMatter?: string };
  /** Roles (tiers.json roles) that may sign the item; signersByTier replaces them for a tier. */
  signers?: string[];
  signersByTier?: Record<string, string[]>;
  /** Separation of duties: the owner (or deputy) may not sign. */
  independent?: boolean;
  /** Framework references: NIST AI RMF subcategories, ISO/IEC 42001 Annex A controls, OWASP Top 10 ids. */
  frameworks?: string[];
}

export interface GateSpec {
  id: string;
  stage: string;
  title: string;
  description?: string;
  items: GateItemSpec[];
}

export interface GateCatalogue {
  version: 1;
  stages: StageSpec[];
  gates: GateSpec[];
}

export interface TierSpec {
  id: string;
  rank: number;
  title: string;
  description: string;
  /** What the tier's review path asks for, in one paragraph. */
  path?: string;
  /** Hold times the tier asks of the Rollout table. */
  rollout?: { shadowRequired?: boolean; shadowMinimumDays?: number; canaryHoldMinimumDays?: number };
  when: Predicate;
}

/** A role that signs gate items (owner, DPO, security, platform/SRE, sponsor, steering committee). */
export interface RoleSpec {
  id: string;
  title: string;
  description?: string;
  /** Lower-case words in a signer cell that name the role, for signers the front matter does not list. */
  aliases?: string[];
}

export interface TierCatalogue {
  version: 1;
  tiers: TierSpec[];
  roles?: RoleSpec[];
}

/** Thresholds that are policy rather than law; a workspace config may override them. */
export interface Policy {
  version: 1;
  capacityUtilisationCap: number;
  evalMinimumCases: number;
  evalMinimumFromStage: string;
  firstLiveCanaryMax: number;
  logRetentionMinimumMonths: number;
  reviewCadenceDays: { weekly: number; monthly: number; quarterly: number };
  /** Per front-matter key: words people write for a value → the value they mean. */
  valueSynonyms?: Record<string, Record<string, string>>;
  reviewGraceDays: number;
  dpiaCriteriaThreshold: number;
  deputyFromStage: string;
  responsibilitiesFromStage: string;
  costFromStage: string;
  /** Optional so a config written before these keys keeps working; the rules default them. */
  modelRetirementNoticeDays?: number;
  modelAliasFromStage?: string;
  lethalTrifectaFromStage?: string;
  promptHashFromStage?: string;
  /** true: owner.name may be a team (seeds 002, 003); default false, one named person (seed 000). */
  teamOwnerAllowed?: boolean;
  /** House rule: every customer-facing agent labels its output, beyond EU AI Act Art. 50(1). */
  aiDisclosureForCustomerFacing?: boolean;
}

/** One legal obligation and the day it starts to apply (schemas/regulations.json). */
export interface Obligation {
  id: string;
  title: string;
  articles: string[];
  /** YYYY-MM-DD. */
  appliesFrom: string;
  binds: Array<'provider' | 'deployer' | 'controller'>;
  sources: string[];
  status?: 'in-force' | 'political-agreement';
  note?: string;
}

export interface RegulationCalendar {
  version: 1;
  obligations: Obligation[];
}

/** Everything the engine knows about the format, as data. */
export interface SchemaSet {
  frontMatter: Record<string, unknown>;
  sections: SectionCatalogue;
  gates: GateCatalogue;
  tiers: TierCatalogue;
  policy: Policy;
  regulations: RegulationCalendar;
}
