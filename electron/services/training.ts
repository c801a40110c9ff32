// Training, case reports, volunteers and interns: the area's handlers, split by subject and joined here for electron/api.ts.
import { internHandlers } from './interns';
import { trainingImportHandlers } from './trainingImports';
import { staffTrainingHandlers } from './trainingStaff';
import { volunteerHonourHandlers } from './volunteerHonours';
import { volunteerHandlers } from './volunteers';
import { joinHandlers } from './handlerTable';

export const trainingHandlers = joinHandlers(staffTrainingHandlers, trainingImportHandlers, volunteerHandlers, volunteerHonourHandlers, internHandlers);
