// Training, case reports, volunteers and interns services. Filled in by that work.
export const trainingHandlers = {};
