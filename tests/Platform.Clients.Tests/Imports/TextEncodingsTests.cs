using System.Text;
using Platform.Clients.Imports;
using Xunit;

namespace Platform.Clients.Tests.Imports;

public sealed class TextEncodingsTests
{
    static TextEncodingsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Czech = "jméno;telefon\nPříliš Žluťoučký;777 100 001\nKůň Úpěl Ďábelské;777 100 002\nŠárka Dvořáková;777 100 003\n";
    private const string Russian = "имя;телефон\nИван Петров;+7 912 345 67 89\nМария Сидорова;+7 912 345 67 80\n";
    private const string French = "nom;téléphone\nFrançois Lefèvre;+33 6 12 34 56 78\nHélène à Noël;+33 6 12 34 56 79\nGaëlle Bérénice;+33 6 12 34 56 70\n";

    private static TextEncodings.Detected Detect(byte[] bytes, int chunk = 5)
    {
        var sniffer = new TextEncodings.Sniffer();
        for (var i = 0; i < bytes.Length; i += chunk)
        {
            sniffer.Add(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i)));
        }
        return sniffer.Result();
    }

    [Fact]
    public void Utf8_with_or_without_a_byte_order_mark_is_certain()
    {
        Assert.Equal(new TextEncodings.Detected("utf-8", null), Detect(Encoding.UTF8.GetBytes(Czech)));
        Assert.Equal(new TextEncodings.Detected("utf-8", null), Detect([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Czech)]));
        Assert.Equal(new TextEncodings.Detected("utf-8", null), Detect("name,phone\nJan,1\n"u8.ToArray()));
    }

    [Fact]
    public void Utf16_is_told_by_its_byte_order_mark_or_guessed_with_a_warning_from_its_zero_bytes()
    {
        Assert.Equal(new TextEncodings.Detected("utf-16", null), Detect([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Czech)]));
        Assert.Equal(new TextEncodings.Detected("utf-16be", null), Detect([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Czech)]));
        var bare = Detect(Encoding.Unicode.GetBytes(Czech));
        Assert.Equal("utf-16", bare.Name);
        Assert.NotNull(bare.Warning);
    }

    [Theory]
    [InlineData("windows-1250", Czech)]
    [InlineData("iso-8859-2", Czech)]
    [InlineData("windows-1251", Russian)]
    [InlineData("windows-1252", French)]
    public void A_single_byte_code_page_is_told_by_the_letters_it_makes(string encoding, string text)
    {
        var detected = Detect(Encoding.GetEncoding(encoding).GetBytes(text));

        Assert.Equal(encoding, detected.Name);
        Assert.Equal(text, detected.Encoding.GetString(Encoding.GetEncoding(encoding).GetBytes(text)));
    }

    [Fact]
    public void Letters_every_candidate_reads_alike_need_no_warning()
    {
        var detected = Detect(Encoding.GetEncoding("windows-1252").GetBytes("name;phone\nMüller;+49 151 1234567\nÖzil;+49 151 1234568\n"));

        Assert.Null(detected.Warning);
        Assert.Equal("Müller", detected.Encoding.GetString(Encoding.GetEncoding("windows-1252").GetBytes("Müller")));
    }

    [Fact]
    public void A_file_with_few_letters_outside_ascii_is_a_guess_with_a_warning()
    {
        var detected = Detect(Encoding.GetEncoding("windows-1250").GetBytes("name;phone\nDvořák;777 100 001\n"));

        Assert.Equal("windows-1250", detected.Name);
        Assert.Contains("guessed", detected.Warning);
    }

    [Fact]
    public void Only_the_listed_encodings_can_be_chosen()
    {
        Assert.All(TextEncodings.Names, name => Assert.NotNull(TextEncodings.ByName(name)));
        Assert.Null(TextEncodings.ByName("ebcdic"));
        Assert.Null(TextEncodings.ByName(null));
    }
}
