using System.Text;
using System.Text.Json;
using CdsHooks.Protocol.Errors;
using CdsHooks.Protocol.Json;

namespace CdsHooks.Protocol.Tests.Json;

public sealed class CdsRequestReaderTests
{
    private const string Context = """{"userId":"Practitioner/1","patientId":"p1"}""";
    private const string Auth = """{"access_token":"secret-abc","token_type":"Bearer","expires_in":300,"scope":"user/Patient.rs","subject":"svc"}""";

    public static TheoryData<string, string, string> MalformedRequests => new()
    {
        // Not JSON at all, or not an object.
        { "", CdsErrorCodes.MalformedJson, "$" },
        { "{", CdsErrorCodes.MalformedJson, "$" },
        { "{\"hook\":\"patient-view\",}x", CdsErrorCodes.MalformedJson, "$" },
        { "{\"hook\":'patient-view'}", CdsErrorCodes.MalformedJson, "$" },
        { "[]", CdsErrorCodes.WrongJsonType, "$" },
        { "\"patient-view\"", CdsErrorCodes.WrongJsonType, "$" },
        { "null", CdsErrorCodes.WrongJsonType, "$" },

        // hook / hookInstance / context.
        { $$$"""{"hookInstance":"h","context":{{{Context}}}}""", CdsErrorCodes.MissingRequiredField, "hook" },
        { $$$"""{"hook":null,"hookInstance":"h","context":{{{Context}}}}""", CdsErrorCodes.MissingRequiredField, "hook" },
        { $$$"""{"hook":"","hookInstance":"h","context":{{{Context}}}}""", CdsErrorCodes.MissingRequiredField, "hook" },
        { $$$"""{"hook":42,"hookInstance":"h","context":{{{Context}}}}""", CdsErrorCodes.WrongJsonType, "hook" },
        { $$$"""{"hook":"patient-view","context":{{{Context}}}}""", CdsErrorCodes.MissingRequiredField, "hookInstance" },
        { $$$"""{"hook":"patient-view","hookInstance":"","context":{{{Context}}}}""", CdsErrorCodes.MissingRequiredField, "hookInstance" },
        { $$$"""{"hook":"patient-view","hookInstance":["h"],"context":{{{Context}}}}""", CdsErrorCodes.WrongJsonType, "hookInstance" },
        { """{"hook":"patient-view","hookInstance":"h"}""", CdsErrorCodes.MissingRequiredField, "context" },
        { """{"hook":"patient-view","hookInstance":"h","context":null}""", CdsErrorCodes.MissingRequiredField, "context" },
        { """{"hook":"patient-view","hookInstance":"h","context":"p1"}""", CdsErrorCodes.WrongJsonType, "context" },
        { """{"hook":"patient-view","hookInstance":"h","context":[]}""", CdsErrorCodes.WrongJsonType, "context" },

        // fhirServer.
        { $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"fhir.example.org/r4","context":{{{Context}}}}""", CdsErrorCodes.InvalidFhirServer, "fhirServer" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"/r4","context":{{{Context}}}}""", CdsErrorCodes.InvalidFhirServer, "fhirServer" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"ftp://fhir.example.org","context":{{{Context}}}}""", CdsErrorCodes.InvalidFhirServer, "fhirServer" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"","context":{{{Context}}}}""", CdsErrorCodes.InvalidFhirServer, "fhirServer" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":1,"context":{{{Context}}}}""", CdsErrorCodes.WrongJsonType, "fhirServer" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"https://f.example.org/r4?tenant=1","context":{{{Context}}}}""", CdsErrorCodes.InvalidFhirServer, "fhirServer" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"https://f.example.org/r4#top","context":{{{Context}}}}""", CdsErrorCodes.InvalidFhirServer, "fhirServer" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"https://user:pw@f.example.org/r4","context":{{{Context}}}}""", CdsErrorCodes.InvalidFhirServer, "fhirServer" },

        // fhirAuthorization.
        { $$$"""{"hook":"patient-view","hookInstance":"h","fhirAuthorization":{{{Auth}}},"context":{{{Context}}}}""", CdsErrorCodes.FhirAuthorizationWithoutFhirServer, "fhirAuthorization" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"https://f.example.org","fhirAuthorization":"Bearer x","context":{{{Context}}}}""", CdsErrorCodes.WrongJsonType, "fhirAuthorization" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"https://f.example.org","fhirAuthorization":{"token_type":"Bearer"},"context":{{{Context}}}}""", CdsErrorCodes.MissingRequiredField, "fhirAuthorization.access_token" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"https://f.example.org","fhirAuthorization":{"access_token":"secret-abc"},"context":{{{Context}}}}""", CdsErrorCodes.MissingRequiredField, "fhirAuthorization.token_type" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"https://f.example.org","fhirAuthorization":{"access_token":"secret-abc","token_type":"MAC"},"context":{{{Context}}}}""", CdsErrorCodes.InvalidFhirAuthorization, "fhirAuthorization.token_type" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"https://f.example.org","fhirAuthorization":{"access_token":"secret-abc","token_type":"Bearer","expires_in":"300"},"context":{{{Context}}}}""", CdsErrorCodes.WrongJsonType, "fhirAuthorization.expires_in" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"https://f.example.org","fhirAuthorization":{"access_token":"secret-abc","token_type":"Bearer","expires_in":1.5},"context":{{{Context}}}}""", CdsErrorCodes.WrongJsonType, "fhirAuthorization.expires_in" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"https://f.example.org","fhirAuthorization":{"access_token":"secret-abc","token_type":"Bearer","expires_in":-1},"context":{{{Context}}}}""", CdsErrorCodes.InvalidFhirAuthorization, "fhirAuthorization.expires_in" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","fhirServer":"https://f.example.org","fhirAuthorization":{"access_token":"secret-abc","token_type":"Bearer","scope":["a"]},"context":{{{Context}}}}""", CdsErrorCodes.WrongJsonType, "fhirAuthorization.scope" },

        // prefetch and extension.
        { $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}},"prefetch":[]}""", CdsErrorCodes.WrongJsonType, "prefetch" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}},"prefetch":{"patient":"Patient/1"}}""", CdsErrorCodes.WrongJsonType, "prefetch.patient" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}},"prefetch":{"obs":[{"resourceType":"Observation"}]}}""", CdsErrorCodes.WrongJsonType, "prefetch.obs" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}},"prefetch":{"my key":true}}""", CdsErrorCodes.WrongJsonType, "prefetch['my key']" },
        { $$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}},"extension":"x"}""", CdsErrorCodes.WrongJsonType, "extension" },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public void Read_MalformedRequest_ThrowsCodeAndPath(string body, string code, string path)
    {
        var error = Assert.Throws<InvalidCdsRequestException>(() => CdsRequestReader.Read(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
        Assert.DoesNotContain("secret-abc", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("p1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public async Task ReadAsync_MalformedRequest_ThrowsSameCodeAndPath(string body, string code, string path)
    {
        await using var stream = new NonSeekableStream(Encoding.UTF8.GetBytes(body));

        var error = await Assert.ThrowsAsync<InvalidCdsRequestException>(() => CdsRequestReader.ReadAsync(stream, CancellationToken.None).AsTask());

        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Read_MalformedJson_MessageNamesLineAndByte()
    {
        var error = Assert.Throws<InvalidCdsRequestException>(() => CdsRequestReader.Read("{\n  \"hook\": patient-view\n}"u8));

        Assert.Equal(CdsErrorCodes.MalformedJson, error.Code);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("patient-view", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NestingBeyondDefaultMaxDepth_ThrowsJsonTooDeep()
    {
        string deep = string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70));
        byte[] body = Encoding.UTF8.GetBytes($$$"""{"hook":"patient-view","hookInstance":"h","context":{},"extension":{"x":{{{deep}}}}}""");

        var error = Assert.Throws<InvalidCdsRequestException>(() => CdsRequestReader.Read(body));

        Assert.Equal(CdsErrorCodes.JsonTooDeep, error.Code);
    }

    [Fact]
    public void Read_NestingAtConfiguredMaxDepth_IsAccepted()
    {
        // Root object (1), extension object (2), outer array (3), inner array (4).
        byte[] body = """{"hook":"patient-view","hookInstance":"h","context":{},"extension":{"x":[[1]]}}"""u8.ToArray();

        using ParsedCdsRequest parsed = CdsRequestReader.Read(body, new CdsRequestReaderOptions { MaxDepth = 4 });
        var error = Assert.Throws<InvalidCdsRequestException>(() => CdsRequestReader.Read(body, new CdsRequestReaderOptions { MaxDepth = 3 }));

        Assert.Equal(JsonValueKind.Object, parsed.Request.Extension!.Value.ValueKind);
        Assert.Equal(CdsErrorCodes.JsonTooDeep, error.Code);
    }

    [Fact]
    public async Task ReadAsync_BodyAtMaxBytes_IsAccepted_AndOneByteMore_ThrowsBodyTooLarge()
    {
        byte[] body = """{"hook":"patient-view","hookInstance":"h","context":{}}"""u8.ToArray();
        var exact = new CdsRequestReaderOptions { MaxBytes = body.Length };
        var smaller = new CdsRequestReaderOptions { MaxBytes = body.Length - 1 };

        // A non-seekable stream, as Kestrel gives, so the limit is enforced while reading, not from Content-Length.
        using ParsedCdsRequest parsed = await CdsRequestReader.ReadAsync(new NonSeekableStream(body), exact, CancellationToken.None);
        var error = await Assert.ThrowsAsync<InvalidCdsRequestException>(
            () => CdsRequestReader.ReadAsync(new NonSeekableStream(body), smaller, CancellationToken.None).AsTask());

        Assert.Equal("h", parsed.Request.HookInstance);
        Assert.Equal(CdsErrorCodes.BodyTooLarge, error.Code);
        Assert.Contains($"{body.Length - 1} bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BodyLargerThanMaxBytesFromSeekableStream_ThrowsBeforeReading()
    {
        var stream = new MemoryStream(new byte[4096]);

        var error = await Assert.ThrowsAsync<InvalidCdsRequestException>(
            () => CdsRequestReader.ReadAsync(stream, new CdsRequestReaderOptions { MaxBytes = 1024 }, CancellationToken.None).AsTask());

        Assert.Equal(CdsErrorCodes.BodyTooLarge, error.Code);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void Read_SpanLargerThanMaxBytes_ThrowsBodyTooLarge()
    {
        var error = Assert.Throws<InvalidCdsRequestException>(() => CdsRequestReader.Read("{}"u8, new CdsRequestReaderOptions { MaxBytes = 1 }));

        Assert.Equal(CdsErrorCodes.BodyTooLarge, error.Code);
    }

    [Fact]
    public void Options_DefaultMaxBytes_AcceptsAtLeast16MiB()
    {
        Assert.True(CdsRequestReaderOptions.Default.MaxBytes >= 16L * 1024 * 1024);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Options_MaxDepthBelowOne_Throws(int depth)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CdsRequestReaderOptions { MaxDepth = depth });
    }

    [Fact]
    public void Read_MalformedJson_HasNoInnerExceptionQuotingTheBody()
    {
        var error = Assert.Throws<InvalidCdsRequestException>(() => CdsRequestReader.Read("""{"hook":PHIvalue}"""u8));

        Assert.Null(error.InnerException);
        Assert.DoesNotContain("PHI", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedDeepBody_IsMalformedNotTooDeep()
    {
        var error = Assert.Throws<InvalidCdsRequestException>(() => CdsRequestReader.Read("""{"hook":[[["""u8));

        Assert.Equal(CdsErrorCodes.MalformedJson, error.Code);
    }

    [Fact]
    public void Read_ValidRequest_BuildsEveryField()
    {
        byte[] body = Encoding.UTF8.GetBytes($$$"""
            {"hook":"patient-view","hookInstance":"not-a-uuid","fhirServer":"https://fhir.example.org/r4",
             "fhirAuthorization":{"access_token":"secret-abc","token_type":"bearer","expires_in":300,"scope":"user/Patient.rs","subject":"svc","patient":"p1"},
             "context":{{{Context}}},
             "prefetch":{"patient":{"resourceType":"Patient","id":"p1"},"conditions":null},
             "extension":{"com.example.x":1},
             "futureField":{"ignored":true}}
            """);

        using ParsedCdsRequest parsed = CdsRequestReader.Read(body);
        var request = parsed.Request;

        Assert.Equal("patient-view", request.Hook);
        Assert.Equal("not-a-uuid", request.HookInstance);
        Assert.Equal(new Uri("https://fhir.example.org/r4"), request.FhirServer);
        Assert.Equal("secret-abc", request.FhirAuthorization!.AccessToken);
        Assert.Equal(300, request.FhirAuthorization.ExpiresIn);
        Assert.Equal("p1", request.FhirAuthorization.Patient);
        Assert.Equal("p1", request.Context.GetProperty("patientId").GetString());
        Assert.Equal(2, request.Prefetch!.Count);
        Assert.Equal("Patient", request.Prefetch["patient"].GetProperty("resourceType").GetString());
        Assert.Equal(JsonValueKind.Null, request.Prefetch["conditions"].ValueKind);
        Assert.False(request.Prefetch.ContainsKey("observations"));
        Assert.Equal(1, request.Extension!.Value.GetProperty("com.example.x").GetInt32());
    }

    [Fact]
    public void Read_AbsentOptionalFields_AreNull()
    {
        using ParsedCdsRequest parsed = CdsRequestReader.Read(
            """{"hook":"patient-view","hookInstance":"h","context":{},"prefetch":null,"fhirServer":null}"""u8);

        Assert.Null(parsed.Request.Prefetch);
        Assert.Null(parsed.Request.FhirServer);
        Assert.Null(parsed.Request.FhirAuthorization);
        Assert.Null(parsed.Request.Extension);
    }

    [Fact]
    public void Read_Utf8BomAndComments_AreTolerated()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. """{/* c */"hook":"patient-view","hookInstance":"h","context":{},}"""u8];

        using ParsedCdsRequest parsed = CdsRequestReader.Read(body);

        Assert.Equal("patient-view", parsed.Request.Hook);
    }

    [Fact]
    public async Task ReadAsync_LargeNonSeekableBody_KeepsElementsValidUntilDisposed()
    {
        string entries = string.Join(",", Enumerable.Range(0, 5000).Select(i => $$$"""{"resource":{"resourceType":"Observation","id":"o{{{i}}}"}}"""));
        byte[] body = Encoding.UTF8.GetBytes("""{"hook":"patient-view","hookInstance":"h","context":{},"prefetch":{"obs":{"resourceType":"Bundle","entry":[""" + entries + "]}}}");
        await using var stream = new NonSeekableStream(body);

        ParsedCdsRequest parsed = await CdsRequestReader.ReadAsync(stream, CancellationToken.None);
        JsonElement bundle = parsed.Request.Prefetch!["obs"];

        Assert.Equal(5000, bundle.GetProperty("entry").GetArrayLength());
        Assert.Equal("o4999", bundle.GetProperty("entry")[4999].GetProperty("resource").GetProperty("id").GetString());
        parsed.Dispose();
        Assert.Throws<ObjectDisposedException>(() => bundle.GetProperty("entry"));
    }

    [Fact]
    public async Task ReadAsync_Cancelled_ThrowsOperationCanceled()
    {
        await using var stream = new MemoryStream("{}"u8.ToArray());
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CdsRequestReader.ReadAsync(stream, cts.Token).AsTask());
    }

    [Fact]
    public void ParseContext_ValidRequest_ReturnsTypedContext()
    {
        using ParsedCdsRequest parsed = CdsRequestReader.Read(Encoding.UTF8.GetBytes($$$"""{"hook":"patient-view","hookInstance":"h","context":{{{Context}}}}"""));

        Assert.Equal("p1", parsed.ParseContext().PatientId);
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1000));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], cancellationToken);
    }
}

/// <summary>A read-only stream that hides its length, like a chunked HTTP request body.</summary>
internal sealed class NonSeekableStream(byte[] content) : Stream
{
    private readonly MemoryStream _inner = new(content);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
