# dnslint's image: the static binary alone, as UID/GID 65532, ENTRYPOINT /dnslint.
#
# Two stages. The first, "binary", takes the static (CGO_ENABLED=0) linux binary for the
# target architecture from dist/image/<os>_<arch>/: `make image` builds it with the host's
# Go toolchain, the release workflow copies goreleaser's, so the image carries the same
# binary as the release archives. No Go builder image is pulled: the build machines have
# no registry access (FROM golang:… cannot be had there), and Go cross-compiles without
# emulation. The final stage is FROM scratch: no shell, no libc, nothing but /dnslint.
#
#   make image                          # here: buildah, OCI archive in dist/
#   buildah build --platform linux/amd64,linux/arm64 --manifest …   # release.yml
ARG TARGETOS=linux
ARG TARGETARCH=amd64

FROM scratch AS binary
ARG TARGETOS
ARG TARGETARCH
COPY dist/image/${TARGETOS}_${TARGETARCH}/dnslint /dnslint

FROM scratch
ARG VERSION=dev
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="dnslint" \
      org.opencontainers.image.description="Lint Kubernetes DNS configuration: CLI and validating admission webhook" \
      org.opencontainers.image.source="https://github.com/dnslint/dnslint" \
      org.opencontainers.image.url="https://github.com/dnslint/dnslint" \
      org.opencontainers.image.documentation="https://github.com/dnslint/dnslint#readme" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}"
COPY --from=binary --chmod=0555 /dnslint /dnslint
USER 65532:65532
ENTRYPOINT ["/dnslint"]
