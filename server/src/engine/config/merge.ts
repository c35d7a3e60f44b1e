import type { GateItemSpec, GateSpec, Policy, SchemaSet, SectionSpec } from '../schemaData/types';

/** The config's data, after it has passed schemas/config.schema.json. */
export interface ConfigData {
  version?: 1;
  files?: { include?: string[]; exclude?: string[] };
  rules?: Record<string, string>;
  sections?: Array<Partial<SectionSpec> & { id: string }>;
  gates?: Array<
    Partial<Omit<GateSpec, 'items'>> & { id: string; items?: Array<Partial<GateItemSpec> & { id: string }> }
  >;
  policy?: Partial<Omit<Policy, 'reviewCadenceDays'>> & { reviewCadenceDays?: Partial<Policy['reviewCadenceDays']> };
  /** Obligation id (schemas/regulations.json) → the day it applies from, when the law has moved. */
  regulations?: Record<string, string>;
}

export type ConfigPath = Array<string | number>;

/**
 * Where merged entries came from, so a meta-schema error in the merged data can be shown on the
 * config entry that caused it. Keys are JSON pointers into the merged catalogue
 * ("/sections/14", "/gates/2/items/9"); values are paths into the config.
 */
export type Origins = Map<string, ConfigPath>;

/**
 * Overlays the config on the base schema set. Entries with a known id replace the fields they give
 * (no deep merge: a given `tables` or `guidance` replaces the catalogue's whole), new ids are
 * appended. The result is new objects throughout; the base is never mutated, since it is shared.
 */
export function mergeSchemas(base: SchemaSet, config: ConfigData): { schemas: SchemaSet; origins: Origins } {
  const origins: Origins = new Map();
  const sections = base.sections.sections.map((section) => ({ ...section }));
  (config.sections ?? []).forEach((entry, index) => {
    const at = sections.findIndex((section) => section.id === entry.id);
    if (at >= 0) sections[at] = { ...sections[at]!, ...entry };
    else sections.push(entry as SectionSpec);
    origins.set(`/sections/${at >= 0 ? at : sections.length - 1}`, ['sections', index]);
  });
  const gates: GateSpec[] = base.gates.gates.map((gate) => ({ ...gate, items: [...gate.items] }));
  (config.gates ?? []).forEach((entry, index) => {
    let at = gates.findIndex((gate) => gate.id === entry.id);
    const { items, ...fields } = entry;
    if (at >= 0) gates[at] = { ...gates[at]!, ...fields };
    else at = gates.push({ ...fields, items: [] } as unknown as GateSpec) - 1;
    origins.set(`/gates/${at}`, ['gates', index]);
    const gate = gates[at]!;
    (items ?? []).forEach((item, itemIndex) => {
      const existing = gate.items.findIndex((candidate) => candidate.id === item.id);
      if (existing >= 0) gate.items[existing] = { ...gate.items[existing]!, ...item };
      else gate.items.push(item as GateItemSpec);
      origins.set(`/gates/${at}/items/${existing >= 0 ? existing : gate.items.length - 1}`, [
        'gates',
        index,
        'items',
        itemIndex,
      ]);
    });
  });
  const { reviewCadenceDays, valueSynonyms, ...policyFields } = config.policy ?? {};
  const policy: Policy = {
    ...base.policy,
    ...policyFields,
    reviewCadenceDays: { ...base.policy.reviewCadenceDays, ...reviewCadenceDays },
    valueSynonyms: mergeSynonyms(base.policy.valueSynonyms ?? {}, valueSynonyms ?? {}),
  };
  const dates = config.regulations ?? {};
  const regulations = {
    ...base.regulations,
    obligations: base.regulations.obligations.map((obligation) => {
      const appliesFrom = Object.hasOwn(dates, obligation.id) ? dates[obligation.id] : undefined;
      if (!appliesFrom) return obligation;
      // The workspace's date replaces the bundled one and whatever the bundled note said about it.
      const { id, title, articles, binds, sources } = obligation;
      return { id, title, articles, binds, sources, appliesFrom, note: 'Date set in the workspace config.' };
    }),
  };
  return {
    schemas: {
      ...base,
      sections: { ...base.sections, sections },
      gates: { ...base.gates, gates },
      policy,
      regulations,
    },
    origins,
  };
}

/** The config path of the merged entry nearest above a merged-catalogue pointer ("/gates/2/items/9/title"). */
export function originOf(origins: Origins, pointer: string, fallback: ConfigPath): ConfigPath {
  const parts = pointer.split('/').filter(Boolean);
  for (let length = parts.length; length > 0; length--) {
    const found = origins.get(`/${parts.slice(0, length).join('/')}`);
    if (found) return found;
  }
  return fallback;
}

/** A config's synonyms add to the bundled ones, key by key. */
function mergeSynonyms(
  base: Record<string, Record<string, string>>,
  extra: Record<string, Record<string, string>>,
): Record<string, Record<string, string>> {
  const merged: Record<string, Record<string, string>> = { ...base };
  for (const [key, words] of Object.entries(extra)) merged[key] = { ...merged[key], ...words };
  return merged;
}
