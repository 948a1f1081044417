namespace Senco.Web.Features.Transfers;

/// <summary>
/// Lets <see cref="System.IO.Compression.ZipArchive"/> write to a response body that allows only asynchronous writes.
/// The archive writes file data asynchronously but still writes some small records (an entry's data descriptor, the
/// central directory) synchronously when an entry or the archive is closed; those few bytes are held here and sent
/// with the next asynchronous write or flush. Large data never waits here: <see cref="LargestHeld"/> records the most
/// ever held, so a test can prove it.
/// </summary>
public sealed class AsyncOnlyOutput(Stream inner) : Stream
{
    private readonly MemoryStream _held = new();

    /// The most bytes ever held back at once.
    public long LargestHeld { get; private set; }
    public long Written { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Written; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _held.Write(buffer);
        Written += buffer.Length;
        LargestHeld = Math.Max(LargestHeld, _held.Length);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        await SendHeldAsync(ct);
        await inner.WriteAsync(buffer, ct);
        Written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override async Task FlushAsync(CancellationToken ct)
    {
        await SendHeldAsync(ct);
        await inner.FlushAsync(ct);
    }

    /// Nothing is sent synchronously; <see cref="FlushAsync(CancellationToken)"/> sends what is held.
    public override void Flush() { }

    private async Task SendHeldAsync(CancellationToken ct)
    {
        if (_held.Length == 0) return;
        await inner.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), ct);
        _held.SetLength(0);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
