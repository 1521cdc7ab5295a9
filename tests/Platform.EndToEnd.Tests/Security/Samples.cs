using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.EndToEnd.Tests.Security;

/// <summary>
/// A valid body for each operation that takes one, and what each field is: free text (any printable string is a
/// legitimate value, stored verbatim) or strict (an id, a code, a name from a fixed set).
/// </summary>
internal static class Samples
{
    public sealed record Field(string Name, bool FreeText, bool Required);

    public static JsonNode Body(string operationId) => operationId switch
    {
        "CreateProject" => new JsonObject { ["name"] = "Sample project", ["direction"] = "inbound", ["timeZone"] = "Europe/Prague" },
        "UpdateProject" => new JsonObject { ["name"] = "Sample project renamed", ["cooldownDays"] = 60, ["country"] = "CZ" },
        "CreateClientCompany" => new JsonObject { ["name"] = $"Sample company {Guid.NewGuid():N}" },
        "RenameClientCompany" => new JsonObject { ["name"] = "Sample company renamed" },
        "UpdateContact" => new JsonObject
        {
            ["kind"] = "person", ["name"] = "Sample contact edited", ["phone"] = UniqueMobile(), ["timeZone"] = "Europe/Prague",
            ["company"] = "Sample a.s.", ["vip"] = true, ["customFields"] = new JsonObject { ["segment"] = "gold" },
        },
        "CreateUser" => new JsonObject
        {
            ["username"] = $"s{Guid.NewGuid():N}"[..16], ["displayName"] = "Sample user", ["password"] = "sample-password-1",
            ["roles"] = new JsonArray("agent"),
        },
        "UpdateUser" => new JsonObject { ["displayName"] = "Changed", ["roles"] = new JsonArray("agent"), ["disabled"] = false },
        "SetUserPassword" => new JsonObject { ["password"] = "changed-password-1" },
        "IssueToken" or "SignInBrowser" => new JsonObject { ["tenant"] = "demo", ["username"] = "nobody-at-all", ["password"] = "whatever" },
        "ReplaceProjectCalendar" => new JsonObject
        {
            ["weekdays"] = new JsonObject { ["monday"] = new JsonObject { ["open"] = "08:00", ["close"] = "16:00" } },
            ["holidays"] = new JsonArray("2026-12-24"),
            ["exceptions"] = new JsonArray(new JsonObject { ["date"] = "2026-12-31", ["closed"] = true }),
        },
        "ReplaceDispositions" => new JsonArray(new JsonObject
        {
            ["code"] = "sale", ["label"] = "Sale", ["category"] = "sale", ["move"] = "sign_contract", ["requiresNextContact"] = false,
        }),
        "CreateContact" => new JsonObject
        {
            ["kind"] = "person", ["name"] = "Sample contact", ["phone"] = UniqueMobile(), ["timeZone"] = "Europe/Prague",
            ["company"] = "Sample s.r.o.", ["vip"] = false, ["customFields"] = new JsonObject(),
        },
        "RecordOutcome" => new JsonObject
        {
            ["disposition"] = "no_answer", ["notes"] = "Sample note", ["durationSeconds"] = 60, ["callId"] = Guid.NewGuid().ToString(),
            ["nextContactAt"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O"), ["personalCallback"] = false,
        },
        "DrawDailyPlan" => new JsonObject { ["date"] = "2026-11-23", ["limit"] = 50, ["projectId"] = Guid.NewGuid().ToString() },
        "RecordConsent" => new JsonObject
        {
            ["purpose"] = "calls", ["granted"] = true, ["source"] = "sample call", ["expiresAt"] = DateTimeOffset.UtcNow.AddYears(1).ToString("O"),
        },
        "StartImport" => new JsonObject(), // sent as a form, see Content
        "UploadSuppressionList" => new JsonObject(), // likewise
        "ReplaceRecyclingRules" => new JsonObject
        {
            ["retryDelayMinutes"] = new JsonObject { ["no_answer"] = 120, ["busy"] = 30 }, ["maxAttempts"] = 6, ["maxAttemptsPerDay"] = 2,
        },
        "ReplaceCustomFields" => new JsonArray(new JsonObject { ["key"] = "tier", ["type"] = "choice", ["choices"] = new JsonArray("Gold", "Silver") }),
        "RecordDoNotCall" => new JsonObject { ["phone"] = UniqueMobile(), ["scope"] = "client_company", ["source"] = "Letter of 2026-11-20" },
        "OpenComplaint" => new JsonObject { ["subject"] = "Invoice charged twice", ["callId"] = Guid.NewGuid().ToString() },
        "ResolveComplaint" => new JsonObject { ["resolution"] = "Refunded the second charge" },
        "OverrideContactStatus" => new JsonObject { ["status"] = "hot_potential", ["reason"] = "Asked for an offer by e-mail" },
        "RecordOrder" => new JsonObject { ["description"] = "Annual plan", ["amount"] = 1200.50, ["currency"] = "CZK", ["callId"] = Guid.NewGuid().ToString() },
        // The queue service's operations: "{name}" stands for the id the world (or a fresh target) gives, see Fill.
        "CreateQueue" or "ConfigureQueue" => new JsonObject
        {
            ["name"] = "Sample queue", ["strategy"] = "round_robin", ["serviceLevelPercent"] = 80, ["serviceLevelSeconds"] = 20,
            ["wrapUpSeconds"] = 30, ["maxWaitSeconds"] = 600, ["requiredSkills"] = new JsonArray(new JsonObject { ["skill"] = "english", ["minimumProficiency"] = 3 }),
        },
        "ReplaceQueueMembers" => new JsonArray(new JsonObject { ["agentId"] = "{agentId}", ["tier"] = 1 }),
        "CreateGroup" => new JsonObject { ["name"] = $"Sample team {Guid.NewGuid():N}" },
        "CreateAgent" => new JsonObject
        {
            ["name"] = "Sample agent", ["groupId"] = "{groupId}", ["projectIds"] = new JsonArray("{projectId}"),
            ["skills"] = new JsonArray(new JsonObject { ["skill"] = "english", ["proficiency"] = 7 }),
        },
        "UpdateAgent" => new JsonObject { ["name"] = "Sample agent renamed", ["groupId"] = "{groupId}" },
        "ReplaceAgentSkills" => new JsonArray(new JsonObject { ["skill"] = "german", ["proficiency"] = 5 }),
        "ReplaceAgentProjects" => new JsonArray("{projectId}"),
        "ChangeAgentState" => new JsonObject { ["state"] = "break", ["pauseCode"] = "lunch" },
        "ReportCallArrived" => new JsonObject
        {
            ["callerNumber"] = UniqueMobile(), ["queueId"] = "{queueId}", ["vip"] = false, ["priority"] = 1, ["externalId"] = $"pbx-{Guid.NewGuid():N}",
        },
        "AcceptCall" => new JsonObject { ["agentId"] = "{agentId}" },
        "DeclineCall" => new JsonObject { ["reason"] = "Does not speak the caller's language", ["agentId"] = "{agentId}" },
        "CancelCallback" => new JsonObject { ["reason"] = "The caller rang again and was helped" },
        "AcknowledgePbxCommands" => new JsonObject { ["commandIds"] = new JsonArray(Guid.NewGuid().ToString()) },
        // The sweep's own calls are fresh for each operation: the PBX says it has none of the tenant's calls.
        "ResynchronisePbx" => new JsonObject { ["liveExternalIds"] = new JsonArray() },
        "ReportDevicePresence" => new JsonObject { ["device"] = "{device}", ["registered"] = true },
        "ReportRingResult" => new JsonObject { ["agentId"] = "{agentId}", ["result"] = "busy" },
        "ReportDialResult" => new JsonObject { ["result"] = "answered" },
        "MonitorCall" => new JsonObject { ["mode"] = "whisper", ["device"] = "2001" },
        // The sweep's tenant gets a secret but never requires it: its PBX account's unsigned requests still pass.
        "RotatePbxSigningSecret" => new JsonObject { ["previousValidHours"] = 24 },
        "RequirePbxSigning" => new JsonObject { ["required"] = false },
        // A PBX that never answers (the discard port): the sweep's tenant has a signing secret from the start (TenantWorld).
        "RegisterPbxWebhook" => new JsonObject { ["url"] = "http://127.0.0.1:9/pbx/commands" },
        "SetAgentDevice" => new JsonObject { ["extension"] = "1001", ["sipUri"] = "sip:1001@pbx.example", ["phone"] = "+420601000222" },
        "HangUpCall" => new JsonObject { ["holdSeconds"] = 1 },   // the sample call was answered a moment ago: hold never exceeds talk
        "TransferCall" => new JsonObject { ["queueId"] = "{transferQueueId}", ["holdSeconds"] = 1 },
        "RequestCallback" => new JsonObject { ["number"] = UniqueMobile() },
        "CreateScript" or "UpdateScript" or "ImportScript" => SampleScript(),
        "StartSession" => new JsonObject { ["contactId"] = Guid.NewGuid().ToString() },
        "AnswerStep" => new JsonObject { ["stepId"] = "interest", ["answer"] = "yes" },
        "GoBack" => new JsonObject { ["stepId"] = "bye-yes" },
        "JumpToStep" => new JsonObject { ["stepId"] = "price" },
        "CreateCampaign" or "UpdateCampaign" => new JsonObject
        {
            ["projectId"] = "{projectId}", ["name"] = $"Sample campaign {Guid.NewGuid():N}", ["dialMode"] = "progressive", ["callerId"] = "+420222000111",
            ["source"] = new JsonObject { ["kind"] = "search", ["statuses"] = new JsonArray("potential") }, ["agentIds"] = new JsonArray("{agentId}"),
            ["groupIds"] = new JsonArray("{groupId}"), ["hours"] = new JsonObject { ["from"] = "09:00", ["to"] = "17:00" },
            ["abandonCapPercent"] = 3, ["ringSeconds"] = 25,
        },
        "StartCampaign" or "PauseCampaign" or "StopCampaign" => new JsonObject { ["reason"] = "Sample reason" },
        "NextPreview" => new JsonObject { ["agentId"] = "{agentId}" },
        "SkipPreview" => new JsonObject { ["reason"] = "Sample: the contact's company closed" },
        _ => throw new InvalidOperationException($"No sample body for {operationId}: add one to {nameof(Samples)}."),
    };

    /// <summary>The sample body with each "{name}" string replaced by that id.</summary>
    public static JsonNode Body(string operationId, IReadOnlyDictionary<string, string> ids) => Fill(Body(operationId), ids);

    private static JsonNode Fill(JsonNode node, IReadOnlyDictionary<string, string> ids)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    obj[key] = value is null ? null : Fill(value, ids);
                }
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = array[i] is { } item ? Fill(item.DeepClone(), ids) : null;
                }
                return array;
            case JsonValue value when value.TryGetValue<string>(out var text) && text is ['{', .. var name, '}'] && ids.TryGetValue(name, out var id):
                return JsonValue.Create(id);
            default:
                return node.DeepClone();
        }
    }

    public static Field[] Fields(string operationId) => operationId switch
    {
        "CreateProject" => [new("name", true, true), new("direction", false, true), new("timeZone", false, true), new("calendar", false, false),
            new("dispositions", false, false)],
        "UpdateProject" => [new("name", true, true), new("cooldownDays", false, true), new("country", false, false), new("clientCompanyId", false, false)],
        "CreateClientCompany" => [new("name", true, true)],
        "RenameClientCompany" => [new("name", true, true)],
        "UpdateContact" => [new("kind", false, false), new("name", true, true), new("phone", false, true), new("timeZone", false, false),
            new("company", true, false), new("vip", false, false), new("customFields", false, false)],
        "CreateUser" => [new("username", false, true), new("displayName", true, true), new("password", true, true), new("roles", false, true), new("projectIds", false, false)],
        "UpdateUser" => [new("displayName", true, true), new("roles", false, true), new("projectIds", false, false), new("disabled", false, true)],
        "SetUserPassword" => [new("password", true, true)],
        // Sign-in as a user that does not exist: every variant fails without writing anything.
        "IssueToken" or "SignInBrowser" => [new("tenant", false, true), new("username", false, true), new("password", false, true)],
        "ReplaceProjectCalendar" => [new("weekdays", false, true), new("holidays", false, false), new("exceptions", false, false)],
        "ReplaceDispositions" => [], // a list: the whole-body cases; each entry's rules are unit-tested (DispositionRulesTests)
        "CreateContact" => [new("kind", false, false), new("name", true, true), new("phone", false, true), new("timeZone", false, false),
            new("company", true, false), new("vip", false, false), new("customFields", false, false)],
        "RecordOutcome" => [new("disposition", false, true), new("notes", true, false), new("durationSeconds", false, false),
            new("callId", false, false), new("nextContactAt", false, false), new("personalCallback", false, false)],
        "StartImport" => [], // a form with a file: the whole-body cases; the file's own rules are in ImportTests
        "UploadSuppressionList" => [], // likewise; its fields' rules in Crm/SuppressionListTests
        "ReplaceRecyclingRules" => [new("retryDelayMinutes", false, false), new("maxAttempts", false, true), new("maxAttemptsPerDay", false, true),
            new("restDays", false, false)],
        "ReplaceCustomFields" => [], // a list: the whole-body cases; each entry's rules are unit-tested (CustomFieldRulesTests)
        "RecordDoNotCall" => [new("phone", false, true), new("scope", false, false), new("source", true, true)],
        "OpenComplaint" => [new("subject", true, true), new("callId", false, false)],
        "ResolveComplaint" => [new("resolution", true, true)],
        "OverrideContactStatus" => [new("status", false, true), new("reason", true, true)],
        "RecordOrder" => [new("description", true, true), new("amount", false, false), new("currency", false, false), new("callId", false, false)],
        "DrawDailyPlan" => [new("date", false, true), new("limit", false, false), new("projectId", false, false), new("agentId", false, false),
            new("myDay", false, false)],
        "RecordConsent" => [new("purpose", false, true), new("granted", false, true), new("source", true, true), new("expiresAt", false, false)],
        // ConfigureQueue changes the fields it names and keeps the others (docs/routing.md): its name may be left out.
        "CreateQueue" or "ConfigureQueue" => [new("name", true, operationId == "CreateQueue"), new("strategy", false, false), new("serviceLevelPercent", false, false),
            new("serviceLevelSeconds", false, false), new("wrapUpSeconds", false, false), new("maxWaitSeconds", false, false), new("requiredSkills", false, false)],
        "ReplaceQueueMembers" or "ReplaceAgentSkills" or "ReplaceAgentProjects" => [], // lists: the whole-body cases; their entries' rules in QueueTests
        "CreateGroup" => [new("name", true, true)],
        "CreateAgent" => [new("name", true, true), new("groupId", false, false), new("projectIds", false, false), new("skills", false, false)],
        "UpdateAgent" => [new("name", true, false), new("groupId", false, false)],
        "ChangeAgentState" => [new("state", false, true), new("pauseCode", false, false)],
        // A PBX's own call id is opaque to us: any printable text.
        "ReportCallArrived" => [new("callerNumber", false, true), new("queueId", false, false), new("vip", false, false), new("priority", false, false),
            new("externalId", true, false)],
        "AcceptCall" => [new("agentId", false, false)],
        "DeclineCall" => [new("reason", true, true), new("agentId", false, false)],
        "CancelCallback" => [new("reason", true, false)],
        "AcknowledgePbxCommands" => [new("commandIds", false, true)],
        "ResynchronisePbx" => [new("liveExternalIds", false, true)],
        "ReportDevicePresence" => [new("device", true, true), new("registered", false, true)],
        "ReportRingResult" => [new("agentId", false, true), new("result", false, true)],
        "ReportDialResult" => [new("result", false, true)],
        "MonitorCall" => [new("mode", false, true), new("device", true, true)],
        "RotatePbxSigningSecret" => [new("previousValidHours", false, false)],
        "RequirePbxSigning" => [new("required", false, true), new("nonceRequired", false, false)],
        "RegisterPbxWebhook" => [new("url", false, true)],
        "SetAgentDevice" => [new("extension", false, false), new("sipUri", false, false), new("phone", false, false)],
        "HangUpCall" => [new("holdSeconds", false, false)],
        "TransferCall" => [new("queueId", false, false), new("holdSeconds", false, false)],
        "RequestCallback" => [new("number", false, false)],
        "CreateScript" or "UpdateScript" or "ImportScript" => [new("name", true, true), new("mode", false, true), new("start", false, true),
            new("steps", false, true), new("fields", false, false)],
        "StartSession" => [new("contactId", false, false), new("callId", false, false)],
        "AnswerStep" => [new("stepId", false, true), new("answer", false, true)], // the sample session stands on a single choice
        "GoBack" or "JumpToStep" => [new("stepId", false, true)],
        "CreateCampaign" or "UpdateCampaign" => [new("projectId", false, true), new("name", true, true), new("dialMode", false, true), new("callerId", false, true),
            new("source", false, false), new("agentIds", false, false), new("groupIds", false, false), new("hours", false, false),
            new("abandonCapPercent", false, false), new("ringSeconds", false, false)],
        "StartCampaign" or "PauseCampaign" or "StopCampaign" => [new("reason", true, false)],
        "NextPreview" => [new("agentId", false, false)],
        "SkipPreview" => [new("reason", true, true)],
        _ => throw new InvalidOperationException($"No field list for {operationId}: add one to {nameof(Samples)}."),
    };

    /// <summary>A valid script: a single choice leading to two ends, and an objection handler (the sweeps' sessions walk it).</summary>
    public static JsonObject SampleScript() => new()
    {
        ["name"] = "Sample script",
        ["mode"] = "strict",
        ["start"] = "interest",
        ["steps"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "question", ["id"] = "interest", ["text"] = "Hello {{contact.name}}, are you interested?", ["kind"] = "single",
                ["options"] = new JsonArray(
                    new JsonObject { ["value"] = "yes", ["label"] = "Yes", ["next"] = "bye-yes" },
                    new JsonObject { ["value"] = "no", ["label"] = "No", ["next"] = "bye-no" }),
            },
            new JsonObject { ["type"] = "objection", ["id"] = "price", ["label"] = "Too expensive", ["text"] = "It pays for itself." },
            new JsonObject { ["type"] = "end", ["id"] = "bye-yes", ["disposition"] = "sale" },
            new JsonObject { ["type"] = "end", ["id"] = "bye-no", ["disposition"] = "not_interested" }),
    };

    /// <summary>A valid request body for the operation: JSON, or the call-list upload's form.</summary>
    public static HttpContent Content(string operationId) => Content(operationId, new Dictionary<string, string>());

    /// <summary>A valid request body aimed at <paramref name="ids"/> (see <see cref="Body(string, IReadOnlyDictionary{string, string})"/>).</summary>
    public static HttpContent Content(string operationId, IReadOnlyDictionary<string, string> ids) => operationId switch
    {
        "StartImport" => CallList($"name,phone\nSample contact,{UniqueMobile()}\n"),
        "UploadSuppressionList" => SuppressionList("Sample list", $"phone\n{UniqueMobile()}\n", "call_center"),
        _ => Json(Body(operationId, ids)),
    };

    /// <summary>A suppression list's upload form.</summary>
    public static MultipartFormDataContent SuppressionList(string name, string csv, string scope, Guid? clientCompanyId = null, string source = "Sample registry",
        string? country = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"), "file", "numbers.csv" },
            { new StringContent(name), "name" },
            { new StringContent(source), "source" },
            { new StringContent(scope), "scope" },
        };
        if (clientCompanyId is { } company)
        {
            form.Add(new StringContent(company.ToString()), "clientCompanyId");
        }
        if (country is not null)
        {
            form.Add(new StringContent(country), "country");
        }
        return form;
    }

    public static MultipartFormDataContent CallList(string csv, string? mapping = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"), "file", "call-list.csv" } };
        if (mapping is not null)
        {
            form.Add(new StringContent(mapping), "mapping");
        }
        return form;
    }

    /// <summary>A valid Czech mobile number no other test uses.</summary>
    public static string UniqueMobile() => $"+420777{Random.Shared.Next(0, 1_000_000):D6}";

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
