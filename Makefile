# The README's two commands are `go run ./cmd/element-emulator` and
# `go test -race ./...`; these targets are shorthands around them.
GO ?= go

.PHONY: run test check bench fuzz build golden replay docs

run:
	$(GO) run ./cmd/element-emulator

test:
	$(GO) test -race ./...

build:
	$(GO) build -o element-emulator ./cmd/element-emulator

check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

fuzz:
	$(GO) test ./api -run '^$$' -fuzz FuzzEnvelope -fuzztime 20s
	$(GO) test ./api -run '^$$' -fuzz FuzzParams -fuzztime 20s
	$(GO) test ./api -run '^$$' -fuzz FuzzParseRule -fuzztime 20s
	$(GO) test ./kacls -run '^$$' -fuzz FuzzParseToken -fuzztime 20s -fuzzminimizetime 1s
	$(GO) test ./kacls -run '^$$' -fuzz FuzzWrappedKey -fuzztime 20s -fuzzminimizetime 1s

golden:
	$(GO) test ./api -run TestGoldenWireShapes -update

replay:
	$(GO) run ./cmd/element-emulator replay scenarios/

docs:
	$(GO) test ./cmd/element-emulator -run TestDocSamples -update
