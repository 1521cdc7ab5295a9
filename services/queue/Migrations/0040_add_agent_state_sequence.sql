-- Each agent's state changes are numbered (1, 2, 3 ...) in the order they were made: two changes in one instant (log in
-- straight to available, a hang-up with no wrap-up) keep their order for reporting, which orders by this number.
ALTER TABLE agents ADD COLUMN state_sequence bigint NOT NULL DEFAULT 0;
