import type { ConnectorDefinition } from '../connector/define-connector.js';

/** The parts of a connector definition that say how it is published and installed. */
export type DistributedConnector = Pick<ConnectorDefinition, 'name' | 'packageName' | 'version' | 'environment'>;

export const repositoryUrl = 'https://github.com/connectormcp/connectormcp';
