-- The campaign whose dial a call is (the dialer's call rows share their attempt's id): the answer and the completion
-- carry it, so reporting counts the call in the campaign's figures and the agent's, and not as an inbound call of the
-- queue that lends the campaign its wrap-up and handle times (0 s waits would lift that queue's service level). A
-- transfer into a queue clears it: the call waits there and is that queue's from then on.
ALTER TABLE calls ADD COLUMN campaign_id uuid NULL;
