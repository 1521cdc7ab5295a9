-- Callbacks not reached while their project was open wait for its next opening (Callbacks/CallbackDaySweep.cs):
-- callback_due_at moves there, callback_carried_at says when it was moved (such a callback is offered before the other
-- calls of its queue, VIP callers excepted), callback_days_carried how many days' plans it has been moved to.
ALTER TABLE calls
    ADD COLUMN callback_carried_at    timestamptz NULL,
    ADD COLUMN callback_days_carried  integer     NOT NULL DEFAULT 0;
