import { databaseListResource } from './database-list.js';
import { tableSchemaResource } from './table-schema.js';

export const mysqlResources = [databaseListResource, tableSchemaResource];
