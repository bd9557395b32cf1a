package dev.leakgate.envelope;

import java.util.List;

/**
 * A sops file as read by its store.
 *
 * @param data         the data roots (several for a multi-document YAML file), without the metadata
 * @param metadata     the metadata mapping, or null when the file has none (then it is no sops file)
 * @param metadataLine where the metadata starts, when one line says so
 */
record SopsDocument(List<SopsTree.Mapping> data, SopsTree.Mapping metadata, Integer metadataLine) {
}
