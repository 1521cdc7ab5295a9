-- Each outbound campaign dial with its result, one row per dial (CampaignDialResulted from the queue service's dialer):
-- connected, dropped, or a result without a person, with the abandon cap in force when it was dialed. The campaign report
-- counts these rows by their result time and joins the agents' outcomes by call id (the dial's id is its call's).
CREATE TABLE campaign_dials (
    tenant_id            uuid          NOT NULL,
    dial_id              uuid          NOT NULL,
    campaign_id          uuid          NOT NULL,
    project_id           uuid          NOT NULL,
    contact_id           uuid          NOT NULL,
    mode                 text          NOT NULL,
    result               text          NOT NULL,
    agent_id             uuid          NULL,
    abandon_cap_percent  numeric(5,2)  NOT NULL,
    at                   timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, dial_id)
);
CREATE INDEX campaign_dials_project ON campaign_dials (tenant_id, project_id, at);

SELECT enable_tenant_isolation('campaign_dials');
