# dnslint — see README.md. Every target works from a clean clone.
GO       ?= go
BIN      ?= bin/dnslint
CORPUS   ?= ../shared/corpus/real

.PHONY: all build test vet fmt-check docs corpus bench fuzz clean attack

all: build test

# The commit and its date stamped into the binary (`dnslint version`), as goreleaser does.
COMMIT   := $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
DATE     := $(shell git log -1 --format=%cI 2>/dev/null || echo unknown)
LDFLAGS  := -X main.commit=$(COMMIT) -X main.date=$(DATE)

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/dnslint

## test: formatting, vet, unit + Rego + golden end-to-end tests with the race detector,
## docs staleness, and the SARIF output validated by Microsoft's SARIF multitool.
test: fmt-check vet
	DNSLINT_SARIF_VALIDATE=1 $(GO) test -race -count=1 -timeout 45m ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

## attack: the attack suite (internal/attack): each hostile input as a regression test,
## without the race detector (some reproductions are slow by design under -race).
attack:
	$(GO) test -tags attack -count=1 -timeout 30m ./internal/attack/

## docs: regenerate docs/rules/ from the rules' METADATA.
docs:
	$(GO) run ./internal/gendocs docs/rules

## corpus: lint the real-world corpus; findings must match testdata/corpus/findings.golden.
corpus:
	DNSLINT_CORPUS_REQUIRED=1 $(GO) test -count=1 ./lint -run '^TestCorpus$$' -corpus $(abspath $(CORPUS))

## bench: dnslint against conftest and a bare YAML parse, cold start, memory; bench/results.md.
bench:
	bench/run.sh

## fuzz: run every Go fuzz target for FUZZTIME each (crashers land in testdata/fuzz/ and
## then run as regression tests in make test).
FUZZTIME ?= 30s
fuzz:
	@set -e; for f in $$(grep -rl --include='*_test.go' '^func Fuzz' lint); do \
		pkg=./$$(dirname $$f); \
		for t in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
			echo "== $$pkg $$t ($(FUZZTIME))"; \
			$(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done

clean:
	rm -rf bin .cache dist

## fidelity: start every labelled case of testdata/fidelity/ with real CoreDNS builds
## (scripts/fidelity/versions, built once into .cache/coredns/) and require dnslint to agree:
## an error exactly when CoreDNS exits, from the labelled rule, quoting CoreDNS's message.
## Writes testdata/fidelity/RESULTS.md. Needs root (network and mount namespaces).
.PHONY: fidelity
fidelity:
	scripts/fidelity/install-coredns.sh
	DNSLINT_FIDELITY=1 $(GO) test -count=1 -v -timeout 30m -run '^(TestFidelity|TestFixedFixturesStart)$$' ./internal/fidelity

## fidelity-setup-record: start every case of CoreDNS's own plugin/*/setup_test.go (each pinned
## version's, from the Go module cache) with the real binary of that version, in network
## namespaces, and record the verdicts in testdata/fidelity/setup/<version>.json. Incremental:
## only cases whose content has no verdict yet are started. Needs root.
SETUP_JOBS ?= 4
.PHONY: fidelity-setup-record
fidelity-setup-record:
	scripts/fidelity/install-coredns.sh
	$(GO) run ./internal/fidelity/setuptests/record -jobs $(SETUP_JOBS)

## fidelity-setup: dnslint against the recorded verdicts of the setup-test cases (no CoreDNS
## start): an error exactly when the binary refused, no false error, misses only from
## testdata/fidelity/setup/known-misses-<version>.txt. Writes testdata/fidelity/SETUP-RESULTS.md.
.PHONY: fidelity-setup
fidelity-setup:
	DNSLINT_FIDELITY_SETUP=1 $(GO) test -count=1 -run '^TestSetupFidelity$$' ./internal/fidelity/setuptests

## e2e: the admission webhook and `dnslint audit` against a real kube-apiserver 1.34.4 and
## etcd on 127.0.0.1 (kube-apiserver built once into .cache/kube-apiserver/, about 12 minutes
## cold; etcd-server from Debian when missing; kustomize into .cache/bin). See e2e/run.sh.
## E2E_WEBHOOK=image runs the webhook from the container image (make image) instead.
.PHONY: e2e
e2e:
	E2E_WEBHOOK=$(E2E_WEBHOOK) bash e2e/run.sh

## release-snapshot: what a release tag builds (.goreleaser.yaml), without publishing:
## archives for linux, darwin, windows x amd64, arm64, a CycloneDX SBOM of each binary and
## their checksums in dist/. goreleaser and cyclonedx-gomod are pinned and installed once
## into $(DNSLINT_CACHE) (module proxy only). Not part of CI's run: six targets take several minutes on 2 cores.
.PHONY: release-snapshot
release-snapshot:
	scripts/release/goreleaser.sh release --snapshot --clean

## release-check: what CI checks of the release: .goreleaser.yaml is valid (goreleaser
## check) and builds the host's target (goreleaser build --snapshot --single-target), into
## dist/. The whole set is release-snapshot's.
.PHONY: release-check
release-check:
	scripts/release/goreleaser.sh check
	scripts/release/goreleaser.sh build --snapshot --single-target --clean

## image: the container image (Dockerfile) for the host's architecture with Debian's
## buildah, as an OCI archive: dist/dnslint-image.tar. See scripts/release/image.sh.
.PHONY: image
image:
	scripts/release/image.sh
