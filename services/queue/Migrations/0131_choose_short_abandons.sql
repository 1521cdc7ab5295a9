-- A queue says whether its short abandons (under short_abandon_seconds) count in its abandonment rate ('counted', the
-- default: every caller who hung up is an abandon) or are left out of it ('excluded': a wrong number or a change of mind
-- is not a lost caller). Carried on QueueConfigured and on each CallAbandoned, so reporting counts each abandon by the
-- choice in force when it happened and a later change does not rewrite history.
ALTER TABLE queues ADD COLUMN short_abandons text NOT NULL DEFAULT 'counted' CHECK (short_abandons IN ('counted', 'excluded'));
