# Multi-stage build: compile with the Swift image, run on a slim image with libpq5 only.
FROM swift:6.2-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product projectyear --static-swift-stdlib \
    && cp "$(swift build -c release --show-bin-path)/projectyear" /projectyear

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/* && useradd --system --no-create-home projectyear
WORKDIR /app
COPY --from=build /projectyear /app/projectyear
COPY config ./config
COPY sql ./sql
COPY Public ./Public
USER projectyear
ENV HTTP_HOST=0.0.0.0 HTTP_PORT=8080
EXPOSE 8080
ENTRYPOINT ["/app/projectyear"]
CMD ["serve"]
