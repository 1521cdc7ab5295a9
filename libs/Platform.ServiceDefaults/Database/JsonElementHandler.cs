using System.Data;
using System.Text.Json;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Platform.ServiceDefaults.Database;

/// <summary>Lets Dapper read a jsonb (or its text) into a <see cref="JsonElement"/> and write one back as jsonb.</summary>
internal sealed class JsonElementHandler : SqlMapper.TypeHandler<JsonElement>
{
    public override JsonElement Parse(object value) => JsonDocument.Parse((string)value).RootElement.Clone();

    public override void SetValue(IDbDataParameter parameter, JsonElement value)
    {
        parameter.Value = value.GetRawText();
        if (parameter is NpgsqlParameter npgsql)
        {
            npgsql.NpgsqlDbType = NpgsqlDbType.Jsonb;
        }
    }
}
