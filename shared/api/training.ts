// Contract of training, case reports, volunteers and interns (issue: training hours). Filled in by that work.
export const trainingApi = {} as const;
