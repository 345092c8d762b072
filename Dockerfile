# syntax=docker/dockerfile:1
# Careers API container image.
#   podman build -t careers-api .            (or docker build; see scripts/container-smoke)
#   podman run -p 8080:8080 careers-api
# Build stage: the Swift toolchain, static Swift runtime so the runtime stage needs no toolchain.
FROM swift:6.3-bookworm AS build
RUN export DEBIAN_FRONTEND=noninteractive && apt-get -q update \
    && apt-get -q install -y --no-install-recommends libssl-dev zlib1g-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# The cache mount keeps SwiftPM's build directory between image builds (only what changed is
# recompiled); the binary is copied out of it because cache mounts are not part of the image.
RUN --mount=type=cache,target=/src/.build,id=careers-api-swiftpm \
    swift build -c release --static-swift-stdlib --product careers-api \
    && install -D -m 0755 "$(swift build -c release --show-bin-path)/careers-api" /out/careers-api \
    && strip /out/careers-api

# Runtime stage: Debian slim plus the one shared library the binary links beyond libc (OpenSSL;
# zlib is already in the base image).
FROM debian:bookworm-slim
RUN export DEBIAN_FRONTEND=noninteractive && apt-get -q update \
    && apt-get -q install -y --no-install-recommends libssl3 zlib1g \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 careers \
    && useradd --system --uid 10001 --gid careers --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin careers
COPY --from=build /out/careers-api /usr/local/bin/careers-api
# Numeric user, so Kubernetes' runAsNonRoot can check it without reading /etc/passwd.
USER 10001:10001
ENV HOST=0.0.0.0 PORT=8080
EXPOSE 8080
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD ["careers-api", "healthcheck"]
ENTRYPOINT ["careers-api"]
CMD ["serve"]
