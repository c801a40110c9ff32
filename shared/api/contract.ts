// The one API contract: every method's input and output schema. The dispatcher validates against it,
// the renderer's client is typed from it, and the CLI calls through it.
import type { z } from 'zod';
import type { Access } from './access';
import { authApi } from './auth';
import { importsApi } from './imports';
import { auditApi } from './audit';
import { dashboardApi } from './dashboard';
import { exportsApi } from './exports';
import { figuresApi } from './figures';
import { orgChartApi } from './orgChart';
import { rosterApi } from './roster';
import { settingsApi } from './settings';
import { submissionsApi } from './submissions';
import { systemApi } from './system';
import { trainingApi } from './training';

type MethodSchemas = { input: z.ZodType; output: z.ZodType; access?: Access };
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Joins the areas; two areas declaring the same method name is a programming error, caught at start-up. */
function joinAreas<T extends Record<string, MethodSchemas>[]>(...areas: T): UnionToIntersection<T[number]> {
  const out: Record<string, MethodSchemas> = {};
  for (const area of areas) {
    for (const [name, schemas] of Object.entries(area)) {
      if (name in out) throw new Error(`API method declared twice: ${name}`);
      out[name] = schemas;
    }
  }
  return out as UnionToIntersection<T[number]>;
}

export const contract = joinAreas(rosterApi, importsApi, figuresApi, trainingApi, exportsApi, systemApi, auditApi, authApi, dashboardApi, settingsApi, submissionsApi, orgChartApi);

export type Contract = typeof contract;
export type Method = keyof Contract & string;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

/** A method nobody classified counts as a write: read-only roles are never let in by omission. */
export function accessOf(method: Method): Access {
  return (contract[method] as MethodSchemas).access ?? 'write';
}
