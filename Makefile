# The two commands: `make up` starts the whole platform, `make test` runs every test.
.PHONY: up down test infra-up infra-down

up:          ## PostgreSQL, RabbitMQ, the four services and the gateway, with demo data
	@scripts/platform.sh up

down:        ## stop everything started by `make up` (data kept)
	@scripts/platform.sh down

test:        ## every test of platform.sln against real PostgreSQL and RabbitMQ
	@scripts/test.sh

infra-up:    ## only PostgreSQL and RabbitMQ
	@scripts/infra.sh up

infra-down:
	@scripts/infra.sh down
