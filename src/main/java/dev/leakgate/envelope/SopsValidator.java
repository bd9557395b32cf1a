package dev.leakgate.envelope;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a file as the sops store its extension selects (as sops picks it: {@code .yaml}/{@code .yml},
 * {@code .json}, {@code .env}, {@code .ini}, anything else the binary store). Without metadata the file is
 * no sops file at all, and is reported as no envelope.
 */
final class SopsValidator {
    private SopsValidator() {
    }

    private enum Store {
        YAML(EnvelopeFormat.SOPS_YAML, "a top-level 'sops' mapping"),
        JSON(EnvelopeFormat.SOPS_JSON, "a top-level \"sops\" object"),
        DOTENV(EnvelopeFormat.SOPS_DOTENV, "sops_ keys"),
        INI(EnvelopeFormat.SOPS_INI, "a [sops] section"),
        BINARY(EnvelopeFormat.SOPS_BINARY, "a JSON object with \"data\" and \"sops\"");

        final EnvelopeFormat format;
        final String metadataPlace;

        Store(EnvelopeFormat format, String metadataPlace) {
            this.format = format;
            this.metadataPlace = metadataPlace;
        }

        static Store forPath(String path) {
            if (path.endsWith(".yaml") || path.endsWith(".yml")) {
                return YAML;
            }
            if (path.endsWith(".json")) {
                return JSON;
            }
            if (path.endsWith(".env")) {
                return DOTENV;
            }
            return path.endsWith(".ini") ? INI : BINARY;
        }

        SopsDocument read(byte[] bytes) throws ProblemException {
            return switch (this) {
                case YAML -> SopsYamlReader.read(bytes);
                case JSON, BINARY -> SopsJsonReader.read(bytes);
                case DOTENV -> DotenvReader.read(bytes);
                case INI -> IniReader.read(bytes);
            };
        }
    }

    /** The keyed half, for a file {@link #check} found valid. */
    static SopsKeyed.Verdict verify(String path, byte[] bytes, java.util.List<dev.leakgate.identity.Identity> identities)
            throws ProblemException {
        SopsDocument doc = Store.forPath(path).read(bytes);
        return SopsKeyed.verify(doc, SopsMetadata.read(doc.metadata(), doc.metadataLine()), identities);
    }

    static EnvelopeResult check(String path, byte[] bytes) {
        Store store = Store.forPath(path);
        SopsDocument doc;
        try {
            doc = store.read(bytes);
        } catch (ProblemException e) {
            EnvelopeProblem p = e.problem();
            if (store == Store.BINARY && p.reason().equals("not-parseable")) {
                p = new EnvelopeProblem(p.reason(), EnvelopeValidator.NOT_AN_ENVELOPE
                        + "neither an age file nor a sops binary-store JSON object", p.line());
            }
            return EnvelopeResult.of(EnvelopeFormat.NONE, List.of(p));
        }
        if (doc.metadata() == null) {
            return EnvelopeResult.of(EnvelopeFormat.NONE, List.of(new EnvelopeProblem("missing-metadata",
                    EnvelopeValidator.NOT_AN_ENVELOPE + "no sops metadata (" + store.metadataPlace + ")", null)));
        }
        SopsMetadata metadata = SopsMetadata.read(doc.metadata(), doc.metadataLine());
        List<EnvelopeProblem> problems = new ArrayList<>(metadata.problems);
        if (store == Store.BINARY && !(doc.data().get(0).get("data") instanceof SopsTree.Scalar)) {
            problems.add(new EnvelopeProblem("not-parseable", "sops binary store has no \"data\" string", null));
        }
        problems.addAll(SopsValueChecker.check(doc.data(), metadata.selection));
        return new EnvelopeResult(store.format, problems, List.copyOf(metadata.ageRecipients),
                List.copyOf(metadata.pgpFingerprints));
    }
}
