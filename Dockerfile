# syntax=docker/dockerfile:1
# One Dockerfile for the five images; each is a target:
#   docker build --target gateway   -t registry.example.com/callcenter/gateway:0.1.0 .
#   docker build --target clients   -t registry.example.com/callcenter/clients:0.1.0 .
#   (queue, scripts, reporting alike; the tag is the one set in k8s/base/kustomization.yaml)
# The gateway image carries the built web app (web/dist) and serves it. Every image runs as the non-root user "app"
# (UID 1654) and writes nothing outside /tmp, so the pods run with a read-only root filesystem.
# The base images are build arguments, so a registry mirror (or the offline bases of scripts/build-images.sh) can stand in.
ARG NODE_IMAGE=node:22-bookworm-slim
ARG DOTNET_SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG DOTNET_RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

# --- the web app: npm ci && npm run build in web/ -> web/dist
FROM ${NODE_IMAGE} AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

# --- the .NET build: restore once, publish each project into /out/<name>
FROM ${DOTNET_SDK_IMAGE} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY libs/ libs/
COPY services/ services/
COPY gateway/ gateway/
RUN dotnet restore gateway/Platform.Gateway.csproj \
 && dotnet restore services/clients/Platform.Clients.csproj \
 && dotnet restore services/queue/Platform.Queue.csproj \
 && dotnet restore services/scripts/Platform.Scripts.csproj \
 && dotnet restore services/reporting/Platform.Reporting.csproj
RUN dotnet publish gateway/Platform.Gateway.csproj -c Release --no-restore -o /out/gateway \
 && dotnet publish services/clients/Platform.Clients.csproj -c Release --no-restore -o /out/clients \
 && dotnet publish services/queue/Platform.Queue.csproj -c Release --no-restore -o /out/queue \
 && dotnet publish services/scripts/Platform.Scripts.csproj -c Release --no-restore -o /out/scripts \
 && dotnet publish services/reporting/Platform.Reporting.csproj -c Release --no-restore -o /out/reporting

# --- the runtime every image shares
FROM ${DOTNET_RUNTIME_IMAGE} AS runtime
WORKDIR /app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
USER 1654

FROM runtime AS gateway
COPY --from=build --chown=root:root /out/gateway ./
COPY --from=web --chown=root:root /src/web/dist ./web/dist
ENTRYPOINT ["dotnet", "Platform.Gateway.dll"]

FROM runtime AS clients
COPY --from=build --chown=root:root /out/clients ./
ENTRYPOINT ["dotnet", "Platform.Clients.dll"]

FROM runtime AS queue
COPY --from=build --chown=root:root /out/queue ./
ENTRYPOINT ["dotnet", "Platform.Queue.dll"]

FROM runtime AS scripts
COPY --from=build --chown=root:root /out/scripts ./
ENTRYPOINT ["dotnet", "Platform.Scripts.dll"]

FROM runtime AS reporting
COPY --from=build --chown=root:root /out/reporting ./
ENTRYPOINT ["dotnet", "Platform.Reporting.dll"]
