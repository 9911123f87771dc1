// The registry allows 100 characters; these package descriptions are longer, so the registry gets a
// shorter wording of the same claims.
const shorterDescriptions: Record<string, string> = {
  s3: 'MCP server for Amazon S3 and S3-compatible stores: read-only by default, size-budgeted results',
  jira: 'MCP server for Jira Cloud and Data Center: JQL search, issues in Markdown; writes on opt-in',
};

export const registryDescriptionMaxLength = 100;

/** The package description, or its shorter wording when the package's does not fit the registry's limit. */
export function registryDescription({
  connectorName,
  packageDescription,
}: {
  connectorName: string;
  packageDescription: string;
}): string {
  const description =
    packageDescription.length <= registryDescriptionMaxLength ? packageDescription : shorterDescriptions[connectorName];
  if (description === undefined || description.length > registryDescriptionMaxLength) {
    throw new Error(
      `The ${connectorName} package description has ${packageDescription.length} characters; the registry allows ${registryDescriptionMaxLength}: add a shorter wording in registry-description.ts`,
    );
  }
  return description;
}
