// Contract of the org chart per plan year (衡量指標 四(一) 目標值1) and the figures entered for 目標值2 and 3.
import { z } from 'zod';
import { funding, id } from './schemas';

const rocYear = z.number().int().min(90).max(200);
const agency = z.string().trim().min(1, { message: '請填局處名稱' }).max(40, { message: '局處名稱最多 40 字' });
const count = z.number().int({ message: '請填整數' }).min(0, { message: '不可為負數' }).max(10_000).nullable();
const amount = z.number().int({ message: '請填整數（元）' }).min(0, { message: '不可為負數' }).max(1e12).nullable();

export const orgChartGroup = z.object({
  group: z.string().trim().min(1).max(40),
  lead: agency.nullable(),
  assist: z.array(agency).max(30),
});

export const indicatorInputs = z.object({
  meetingsHeld: count,
  meetingsChaired: count,
  centralSubsidy: amount,
  selfFunded: amount,
  minSelfRatio: z.number().min(0, { message: '不可為負數' }).max(100, { message: '比率不可超過 100%' }).nullable(),
});

export const agencyStaff = z.object({ personId: id, name: z.string(), roleName: z.string(), funding, businessGroup: z.string().nullable(), onLeave: z.boolean() });
export const leadAgency = z.object({ agency: z.string(), groups: z.array(z.string()), staff: z.array(agencyStaff) });

export const orgChartApi = {
  'orgChart.get': {
    access: 'read',
    input: z.object({ rocYear }),
    output: z.object({
      rocYear,
      /** the year whose chart this is (an earlier one when this year has none yet); null = never entered */
      sourceYear: rocYear.nullable(),
      chart: z.array(orgChartGroup),
      inputs: indicatorInputs.nullable(),
    }),
  },
  'orgChart.save': {
    access: 'write',
    input: z.object({ rocYear, chart: z.array(orgChartGroup).max(30), inputs: indicatorInputs }),
    output: z.object({ saved: z.literal(true) }),
  },
} as const;
