# The two commands: `make up` starts the whole platform, `make test` runs every test.
.PHONY: up down test simulate infra-up infra-down

up:          ## PostgreSQL, RabbitMQ, the four services and the gateway, with demo data (SIMULATE=1: and a living call center)
	@scripts/platform.sh up

simulate:    ## the call simulator against the running platform, in the background (stopped by `make down`)
	@scripts/platform.sh simulate

down:        ## stop everything started by `make up` (data kept)
	@scripts/platform.sh down

test:        ## every test of platform.sln against real PostgreSQL and RabbitMQ
	@scripts/test.sh

infra-up:    ## only PostgreSQL and RabbitMQ
	@scripts/infra.sh up

infra-down:
	@scripts/infra.sh down
