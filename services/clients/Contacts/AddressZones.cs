using System.Collections.Frozen;

namespace Platform.Clients.Contacts;

/// <summary>
/// The time zones of a region of a country that spans several (the state, province or federal subject of the contact's
/// address, an ISO 3166-2 code such as <c>US-TX</c>, or <c>TX</c> with the number's country): its zones, the main one first.
/// A region itself in two zones (Texas, Florida, Indiana …) gives both, so the calling window is the narrowest across
/// them. Countries: the United States, Australia, Brazil and Russia (the multi-zone countries of the issue); for another
/// country the region adds nothing and the number's zones apply.
/// </summary>
public static class AddressZones
{
    private static readonly FrozenDictionary<string, string[]> ByRegion = Build();

    /// <summary>Every region known here (ISO 3166-2 code) and its zones.</summary>
    public static IEnumerable<KeyValuePair<string, string[]>> All => ByRegion;

    /// <summary>The countries whose regions are known here.</summary>
    public static IReadOnlyList<string> Countries { get; } = ["US", "AU", "BR", "RU"];

    /// <summary>The region's zones (ISO 3166-2 code, or a bare subdivision code with <paramref name="country"/>); null when unknown.</summary>
    public static string[]? Of(string region, string country)
    {
        var code = region.Trim().ToUpperInvariant();
        code = code.Contains('-') ? code : $"{country.ToUpperInvariant()}-{code}";
        return ByRegion.GetValueOrDefault(code);
    }

    /// <summary>Whether the regions of the code's country (that of a full code, else <paramref name="country"/>) are known here.</summary>
    public static bool Covers(string region, string country)
    {
        var code = region.Trim().ToUpperInvariant();
        return Countries.Contains(code.Contains('-') ? code[..code.IndexOf('-')] : country.ToUpperInvariant());
    }

    private static FrozenDictionary<string, string[]> Build()
    {
        var regions = new Dictionary<string, string[]>();
        void Add(string country, string zones, params string[] codes)
        {
            foreach (var code in codes)
            {
                regions[$"{country}-{code}"] = zones.Split(' ');
            }
        }
        const string east = "America/New_York", central = "America/Chicago", mountain = "America/Denver", pacific = "America/Los_Angeles";
        Add("US", east, "CT", "DE", "DC", "GA", "ME", "MD", "MA", "NH", "NJ", "NY", "NC", "OH", "PA", "RI", "SC", "VT", "VA", "WV");
        Add("US", central, "AL", "AR", "IL", "IA", "LA", "MN", "MS", "MO", "OK", "WI");
        Add("US", mountain, "CO", "MT", "NM", "UT", "WY");
        Add("US", pacific, "CA", "NV", "WA");
        Add("US", "America/Phoenix", "AZ");
        Add("US", "America/Anchorage America/Adak", "AK");
        Add("US", "Pacific/Honolulu", "HI");
        Add("US", "America/Puerto_Rico", "PR");
        Add("US", $"{east} {central}", "FL", "KY");
        Add("US", $"{central} {east}", "TN");
        Add("US", $"America/Indiana/Indianapolis {central}", "IN");
        Add("US", $"America/Detroit {central}", "MI");
        Add("US", $"{central} {mountain}", "KS", "NE", "ND", "SD", "TX");
        Add("US", $"America/Boise {pacific}", "ID");
        Add("US", $"{pacific} America/Boise", "OR");

        Add("AU", "Australia/Sydney Australia/Broken_Hill", "NSW");
        Add("AU", "Australia/Sydney", "ACT");
        Add("AU", "Australia/Melbourne", "VIC");
        Add("AU", "Australia/Brisbane", "QLD");
        Add("AU", "Australia/Adelaide", "SA");
        Add("AU", "Australia/Perth", "WA");
        Add("AU", "Australia/Hobart", "TAS");
        Add("AU", "Australia/Darwin", "NT");

        Add("BR", "America/Sao_Paulo", "DF", "ES", "GO", "MG", "PR", "RJ", "RS", "SC", "SP");
        Add("BR", "America/Fortaleza", "CE", "MA", "PB", "PI", "RN");
        Add("BR", "America/Recife America/Noronha", "PE");
        Add("BR", "America/Maceio", "AL", "SE");
        Add("BR", "America/Bahia", "BA");
        Add("BR", "America/Belem America/Santarem", "PA");
        Add("BR", "America/Belem", "AP");
        Add("BR", "America/Araguaina", "TO");
        Add("BR", "America/Cuiaba", "MT");
        Add("BR", "America/Campo_Grande", "MS");
        Add("BR", "America/Manaus America/Eirunepe", "AM");
        Add("BR", "America/Porto_Velho", "RO");
        Add("BR", "America/Boa_Vista", "RR");
        Add("BR", "America/Rio_Branco", "AC");

        Add("RU", "Europe/Kaliningrad", "KGD");
        Add("RU", "Europe/Moscow", "MOW", "SPE", "MOS", "LEN", "ARK", "NEN", "MUR", "KR", "KO", "VLG", "NGR", "PSK", "TVE", "SMO", "BRY", "KLU",
            "TUL", "ORL", "KRS", "BEL", "VOR", "LIP", "TAM", "RYA", "VLA", "IVA", "KOS", "YAR", "NIZ", "ME", "CU", "MO", "PNZ", "TA", "ROS",
            "KDA", "AD", "STA", "KC", "KB", "SE", "IN", "CE", "DA", "KL");
        Add("RU", "Europe/Volgograd", "VGG");
        Add("RU", "Europe/Kirov", "KIR");
        Add("RU", "Europe/Samara", "SAM", "UD");
        Add("RU", "Europe/Astrakhan", "AST");
        Add("RU", "Europe/Saratov", "SAR");
        Add("RU", "Europe/Ulyanovsk", "ULY");
        Add("RU", "Asia/Yekaterinburg", "SVE", "CHE", "KGN", "TYU", "PER", "ORE", "BA", "KHM", "YAN");
        Add("RU", "Asia/Omsk", "OMS");
        Add("RU", "Asia/Novosibirsk", "NVS");
        Add("RU", "Asia/Barnaul", "ALT", "AL");
        Add("RU", "Asia/Tomsk", "TOM");
        Add("RU", "Asia/Novokuznetsk", "KEM");
        Add("RU", "Asia/Krasnoyarsk", "KYA", "KK", "TY");
        Add("RU", "Asia/Irkutsk", "IRK", "BU");
        Add("RU", "Asia/Chita", "ZAB");
        Add("RU", "Asia/Yakutsk", "AMU");
        Add("RU", "Asia/Yakutsk Asia/Vladivostok Asia/Srednekolymsk", "SA");
        Add("RU", "Asia/Vladivostok", "PRI", "KHA", "YEV");
        Add("RU", "Asia/Magadan", "MAG");
        Add("RU", "Asia/Sakhalin", "SAK");
        Add("RU", "Asia/Kamchatka", "KAM");
        Add("RU", "Asia/Anadyr", "CHU");
        return regions.ToFrozenDictionary();
    }
}
