# The README's two commands are `go run ./cmd/element-emulator` and
# `go test -race ./...`; these targets are shorthands around them.
GO ?= go

.PHONY: run test check bench bench-go fuzz build golden replay docs

run:
	$(GO) run ./cmd/element-emulator

test:
	$(GO) test -race ./...

build:
	$(GO) build -o element-emulator ./cmd/element-emulator

check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

# The performance table of docs/performance.md: each figure as a ratio to
# its peer, measured in the same run (cmd/element-bench table).
bench:
	$(GO) run ./cmd/element-bench table

# The go test micro-benchmarks.
bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Every Fuzz* target of the module, one after another, FUZZTIME each
# (a duration, or a count such as 1000000x); FUZZ=regexp picks targets.
FUZZTIME ?= 60s
FUZZ ?= .
fuzz:
	GO=$(GO) FUZZTIME=$(FUZZTIME) FUZZ='$(FUZZ)' .ci/fuzz-all

golden:
	$(GO) test ./api -run TestGoldenWireShapes -update

replay:
	$(GO) run ./cmd/element-emulator replay scenarios/

docs:
	$(GO) test ./cmd/element-emulator -run TestDocSamples -update
