# syntax=docker/dockerfile:1
#
# Element 12.x emulator in a container, with the same zero-config defaults as
# `go run ./cmd/element-emulator`, except that the listeners bind 0.0.0.0 so
# they are reachable through published ports and state lives in /data.
#
#   docker build -t element-emulator .
#   docker run --rm -p 8443:8443 -p 8442:8442 -p 8080:8080 -p 5696:5696 \
#       -v element-emulator-data:/data element-emulator
#
# A class of clusters: docker run ... element-emulator lab --clusters 30 --host 0.0.0.0
# (docs/labs/README.md). mattn/go-sqlite3 needs cgo, so the binary is built
# against glibc: the build stage is Debian bookworm like the runtime stage,
# so the glibc the binary links against is the one it runs with.

FROM golang:1.26-bookworm AS build
WORKDIR /src
ENV CGO_ENABLED=1
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -trimpath -ldflags="-s -w" -o /out/element-emulator ./cmd/element-emulator

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 emulator \
 && useradd --system --uid 10001 --gid emulator --home-dir /data --no-create-home emulator \
 && mkdir -p /data \
 && chown emulator:emulator /data
COPY --from=build /out/element-emulator /usr/local/bin/element-emulator
ENV ELEMENT_EMULATOR_DATA=/data \
    ELEMENT_EMULATOR_HTTPS_ADDR=0.0.0.0:8443 \
    ELEMENT_EMULATOR_NODE_ADDR=0.0.0.0:8442 \
    ELEMENT_EMULATOR_HTTP_ADDR=0.0.0.0:8080 \
    ELEMENT_EMULATOR_KMIP_ADDR=0.0.0.0:5696
VOLUME ["/data"]
WORKDIR /data
USER emulator:emulator
# 8443 cluster API (MVIP, HTTPS), 8442 node API (MIP, HTTPS),
# 8080 the same API and /_emulator/ over plain HTTP, 5696 embedded KMIP server.
EXPOSE 8443 8442 8080 5696
# "control clock" asks the running emulator over http://127.0.0.1:8080 with
# the admin credentials from ELEMENT_EMULATOR_USER/_PASSWORD (admin/admin).
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=3 \
    CMD ["element-emulator", "control", "clock"]
ENTRYPOINT ["element-emulator"]
