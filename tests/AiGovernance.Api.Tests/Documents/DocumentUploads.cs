using System.Net.Http.Headers;
using System.Text.Json;
using AiGovernance.Api.Tests.Infrastructure;

namespace AiGovernance.Api.Tests.Documents;

public static class DocumentUploads
{
    public static MultipartFormDataContent Form(byte[] bytes, string fileName, string field = "file")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, JsonElement requisition, byte[] bytes, string fileName) =>
        client.PostAsync(TestApi.Url($"/api/requisitions/{requisition.Id()}/documents"), Form(bytes, fileName));
}
