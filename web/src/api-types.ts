// The API's shapes the page uses: the types generated from openapi.yaml (src/schemas/openapi-types.d.ts), by name.
import type { components } from '../../src/schemas/openapi-types.js';

type Schemas = components['schemas'];

export type Session = Schemas['Session'];
export type Role = Session['role'];
export type CaseRecord = Schemas['Case'];
export type RowError = Schemas['RowError'];
export type UploadResult = Schemas['UploadResult'];
export type Submission = Schemas['Submission'];
export type TokenView = Schemas['Token'];
export type Person = Schemas['Person'];
export type PersonRole = Person['role'];
export type Timeline = Schemas['Timeline'];
export type NamesMode = Timeline['names'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type Flag = TimelineEntry['flags'][number];
export type Finding = Schemas['Finding'];
export type Decision = Schemas['Decision'];
export type RedactionResult = Schemas['RedactionResult'];
export type SignOffStatus = Schemas['SignOffStatus'];
export type AuditEvent = Schemas['AuditEvent'];
export type Analysis = Schemas['Analysis'];
export type VersionDiff = Schemas['VersionDiff'];
/** An entry as the diff gives it: the timeline's, with its unrecognised columns. */
export type DiffEntry = VersionDiff['added'][number];
export type DiffField = VersionDiff['changed'][number]['fields'][number];
