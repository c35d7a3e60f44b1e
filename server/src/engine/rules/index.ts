import { aiActHighRisk } from './aiActHighRisk';
import { aiActProhibited } from './aiActProhibited';
import { aiDisclosure } from './aiDisclosure';
import { alertComplete } from './alertComplete';
import { auditLog } from './auditLog';
import { automatedDecision } from './automatedDecision';
import { costAlert, costProjection } from './costControls';
import { decisionCriteria } from './decisionCriteria';
import { dpiaCoverage } from './dpiaCoverage';
import { dpiaRequired } from './dpiaRequired';
import { escalationCapacity } from './escalationCapacity';
import { evalResults } from './evalResults';
import { evalSize } from './evalSize';
import { evalSlices } from './evalSlices';
import { failureDetection } from './failureDetection';
import { failureRecovery } from './failureRecovery';
import { firstLiveStage } from './firstLiveStage';
import { killSwitch } from './killSwitch';
import { logRetention } from './logRetention';
import { ownerDeputy } from './ownerDeputy';
import { ownerPerson } from './ownerPerson';
import { ownerResponsibilities } from './ownerResponsibilities';
import { ownerSince } from './ownerSince';
import { promptParts } from './promptParts';
import { promptToolUnknown, promptWriteTool } from './promptTools';
import { readinessUnknownItem, waiverNotAllowed } from './readinessItems';
import { registryEntry } from './registryEntry';
import { registryMetrics } from './registryMetrics';
import { retirementCriteria } from './retirement';
import { ownershipHistory } from './ownershipHistory';
import { reviewCadence } from './reviewCadence';
import { riskyAutonomy } from './riskyAutonomy';
import { rollbackAuthority } from './rollbackAuthority';
import { rollbackTrigger } from './rollbackTrigger';
import { rolloutCriteria, rolloutOrder } from './rolloutStages';
import { runbookCoverage } from './runbookCoverage';
import { signoffDates } from './signoffDates';
import { tierDeclared } from './tierDeclared';
import { toolFailureModes } from './toolFailureModes';
import { uniqueIds } from './uniqueIds';
import { frontMatterMissing } from './frontMatterMissing';
import { frontMatterSchema } from './frontMatterSchema';
import { frontMatterPlaceholder } from './frontMatterPlaceholder';
import { gateItems } from './gateItems';
import type { Rule } from './rule';
import { evidenceLinkBroken } from './evidenceLinks';
import { sectionDuplicate, sectionEmpty, sectionPlaceholder } from './sectionContent';
import { sectionMissing } from './sectionMissing';
import { tableCellInvalid, tableColumnMissing, tableMissing } from './tables';
import { yamlSyntax } from './yamlSyntax';
import { broadToolScope, toolLimits, writeToolApproval } from './toolPermissions';
import { mcpServerNoAuth, mcpServerUnpinned } from './mcpServers';
import { lethalTrifecta } from './lethalTrifecta';
import { evalAfterChange, modelAlias, modelRetirement } from './modelControl';
import {
  agentFileUnreadable,
  configuredNotDocumented,
  documentedNotConfigured,
  mcpVersionDrift,
} from './agentFileDrift';
import { modelDrift, promptChanged, promptHashMissing } from './agentFileChecks';
import { signoffRoles } from './signoffRoles';
import { rolloutHolds } from './rolloutHolds';
import { dpiaApproval } from './dpiaApproval';
import { fundamentalRightsAssessment } from './fundamentalRights';
import { aiActExemption } from './aiActExemption';
import { incidentClocks } from './incidentClocks';
import { personalDataBasics } from './personalDataBasics';
import { auditLogRetention, customerReplyDisclosure, decisionEffectConflict, toolDataClasses } from './consistency';

/** Every rule, in the order their findings are listed. Adding a check means adding a module here. */
export const allRules: readonly Rule[] = [
  yamlSyntax,
  frontMatterMissing,
  frontMatterSchema,
  frontMatterPlaceholder,
  sectionMissing,
  sectionEmpty,
  sectionPlaceholder,
  sectionDuplicate,
  tableMissing,
  tableColumnMissing,
  tableCellInvalid,
  gateItems,
  // Semantic checks (issue 3), by topic: ownership, references, decisions and capacity, rollout,
  // evaluation, compliance, dates and waivers, operations.
  ownerPerson,
  ownerDeputy,
  ownerResponsibilities,
  toolFailureModes,
  failureDetection,
  failureRecovery,
  alertComplete,
  rollbackTrigger,
  rollbackAuthority,
  promptToolUnknown,
  promptWriteTool,
  promptParts,
  uniqueIds,
  riskyAutonomy,
  escalationCapacity,
  decisionCriteria,
  rolloutOrder,
  rolloutCriteria,
  firstLiveStage,
  killSwitch,
  evalSlices,
  evalSize,
  evalResults,
  dpiaRequired,
  dpiaCoverage,
  aiActProhibited,
  aiActHighRisk,
  logRetention,
  aiDisclosure,
  auditLog,
  automatedDecision,
  tierDeclared,
  signoffDates,
  readinessUnknownItem,
  waiverNotAllowed,
  reviewCadence,
  ownerSince,
  evidenceLinkBroken,
  runbookCoverage,
  costAlert,
  costProjection,
  // The registry entry the portfolio reads (issue 18): type and sponsor, metrics, retirement, owners.
  registryEntry,
  registryMetrics,
  retirementCriteria,
  ownershipHistory,
  // Tools as permissions, pinned models and change control, drift against the agent's files (issue 17).
  writeToolApproval,
  broadToolScope,
  mcpServerUnpinned,
  mcpServerNoAuth,
  toolLimits,
  lethalTrifecta,
  modelAlias,
  modelRetirement,
  evalAfterChange,
  agentFileUnreadable,
  configuredNotDocumented,
  documentedNotConfigured,
  modelDrift,
  promptChanged,
  promptHashMissing,
  mcpVersionDrift,
  // Tiers that change the gates, sign-off roles and separation of duties (issue 14).
  signoffRoles,
  rolloutHolds,
  // Regulation facts right and dated (issue 14): the DPIA before real data, the FRIA, the Art. 6(3)
  // exemption, the legal clocks in the incident runbook, and facts that contradict each other.
  dpiaApproval,
  fundamentalRightsAssessment,
  aiActExemption,
  incidentClocks,
  personalDataBasics,
  decisionEffectConflict,
  toolDataClasses,
  customerReplyDisclosure,
  auditLogRetention,
];
