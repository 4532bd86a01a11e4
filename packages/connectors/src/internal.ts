/**
 * @flinkts/connectors/internal — plumbing for flinkts's own packages and CLI: artifact and version resolution, the
 * changelog-format and sensitive-key tests, hive-site.xml rendering, credential scanning. Not public: no argument
 * checks and no promise of stability; users call the package root.
 */
export { isChangelogFormat } from './formats/registry.js';
export { resolveTableCapabilities } from './table-options.js';
export { kafkaLoginModule } from './kafka-security.js';
export { isSensitive } from './options/sensitive.js';
export { embeddedCredential } from './options/embedded-credentials.js';
export { hiveSiteOf } from './catalogs/catalogs.js';
export { hiveSiteXml } from './catalogs/hive-site.js';
export {
  declaredArtifactProblem,
  everyCoordinate,
  flinkMinor,
  kafkaShaded,
  nearestReleases,
  pieceOf,
  releasesFor,
  resolveArtifacts,
} from './versions.js';
