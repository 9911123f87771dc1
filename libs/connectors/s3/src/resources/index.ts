import { bucketListResource } from './bucket-list.js';
import { objectContentResource } from './object-content.js';

export const s3Resources = [bucketListResource, objectContentResource];
