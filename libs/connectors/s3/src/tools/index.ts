import { headObject } from './head-object.js';
import { listBuckets } from './list-buckets.js';
import { listObjects } from './list-objects.js';
import { readObject } from './read-object.js';
import { searchObjects } from './search-objects.js';
import { writeObject } from './write-object.js';

export const s3Tools = [listBuckets, listObjects, readObject, searchObjects, headObject, writeObject];
