// Contract of the ministry's forms (issue: 附件五 register, 人力運用情形). Filled in by that work.
export const exportsApi = {} as const;
