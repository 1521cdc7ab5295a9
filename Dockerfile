# One image per service: docker build --build-arg PROJECT=services/clients/Platform.Clients.csproj -t callcenter/clients .
# (Not built on the development machines, which have no Docker engine.)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG PROJECT
WORKDIR /src
COPY . .
RUN dotnet publish "$PROJECT" -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
USER app
ENTRYPOINT ["sh", "-c", "exec dotnet $(ls *.deps.json | sed 's/.deps.json$/.dll/') \"$@\"", "--"]
