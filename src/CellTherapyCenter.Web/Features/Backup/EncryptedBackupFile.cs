using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CellTherapyCenter.Web.Features.Backup;

/// <summary>
/// The backup file: a header, then the payload in chunks of at most 1 MiB, each sealed with
/// AES-256-GCM, so a database of any size streams through a fixed buffer.
/// <list type="bullet">
/// <item>Header (52 bytes): "CTCBACK1", the key's id (8 bytes of SHA-256 over a label and the key, so
/// a wrong key is named as such), a random 32-byte salt, the chunk size.</item>
/// <item>The file's own key is HKDF-SHA256(key file's key, salt): a fresh key per file, so the
/// chunk counter alone is a safe nonce.</item>
/// <item>Each chunk: a final flag, its length, ciphertext, 16-byte tag; the header, the chunk's
/// index and its final flag are authenticated data, so chunks cannot be changed, reordered,
/// dropped, or cut off after any chunk but the last, and the header cannot be altered.</item>
/// </list>
/// </summary>
public static class EncryptedBackupFile
{
    public const int ChunkSize = 1 << 20;
    private const int TagSize = 16;
    private const int HeaderSize = 8 + 8 + 32 + 4;
    private static readonly byte[] Magic = "CTCBACK1"u8.ToArray();

    public static byte[] KeyId(byte[] key) =>
        SHA256.HashData([.. Encoding.ASCII.GetBytes("ctc-backup-key-id\n"), .. key])[..8];

    /// <summary>A stream the payload is written to; disposing it writes the final chunk.</summary>
    public static Stream Create(Stream output, byte[] key)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header, 0);
        KeyId(key).CopyTo(header, 8);
        RandomNumberGenerator.Fill(header.AsSpan(16, 32));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(48), ChunkSize);
        output.Write(header);
        return new SealingStream(output, FileKey(key, header), header);
    }

    /// <summary>
    /// Decrypts the whole file to <paramref name="plaintext"/>, checking every chunk's tag and that
    /// the file ends exactly after its final chunk; throws <see cref="BackupRefusedException"/> at
    /// the first fault. What was written to <paramref name="plaintext"/> before a fault must be discarded.
    /// </summary>
    public static void Open(Stream input, byte[] key, Stream plaintext)
    {
        var header = new byte[HeaderSize];
        if (input.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize || !header.AsSpan(0, 8).SequenceEqual(Magic))
            throw new BackupRefusedException("the file is not a backup of this registry (or its header is damaged)");
        if (!header.AsSpan(8, 8).SequenceEqual(KeyId(key)))
            throw new BackupRefusedException("the backup was made with another key than the one in the key file");
        var chunkSize = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(48));
        if (chunkSize is <= 0 or > 64 << 20) throw new BackupRefusedException("the backup's header is damaged");
        using var aes = new AesGcm(FileKey(key, header), TagSize);
        var frame = new byte[5];
        var cipher = new byte[chunkSize];
        var plain = new byte[chunkSize];
        var tag = new byte[TagSize];
        for (long index = 0; ; index++)
        {
            if (input.ReadAtLeast(frame, 5, throwOnEndOfStream: false) < 5)
                throw new BackupRefusedException($"the backup is cut short (it ends before chunk {index + 1})");
            var final = frame[0];
            var length = BinaryPrimitives.ReadInt32LittleEndian(frame.AsSpan(1));
            if (final > 1 || length < 0 || length > chunkSize)
                throw new BackupRefusedException($"the backup is damaged or altered (chunk {index + 1})");
            if (input.ReadAtLeast(cipher.AsSpan(0, length), length, throwOnEndOfStream: false) < length
                || input.ReadAtLeast(tag, TagSize, throwOnEndOfStream: false) < TagSize)
                throw new BackupRefusedException($"the backup is cut short (in chunk {index + 1})");
            try
            {
                aes.Decrypt(Nonce(index), cipher.AsSpan(0, length), tag, plain.AsSpan(0, length), Aad(header, index, final == 1));
            }
            catch (AuthenticationTagMismatchException)
            {
                throw new BackupRefusedException($"the backup is damaged or altered (chunk {index + 1} fails its check)");
            }
            plaintext.Write(plain, 0, length);
            if (final == 1) break;
        }
        if (input.ReadByte() != -1) throw new BackupRefusedException("the backup has bytes after its last chunk");
    }

    private static byte[] FileKey(byte[] key, byte[] header) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, header.AsSpan(16, 32).ToArray(), "ctc-backup-v1"u8.ToArray());

    private static byte[] Nonce(long index)
    {
        var nonce = new byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(nonce.AsSpan(4), index);
        return nonce;
    }

    private static byte[] Aad(byte[] header, long index, bool final)
    {
        var aad = new byte[HeaderSize + 9];
        header.CopyTo(aad, 0);
        BinaryPrimitives.WriteInt64LittleEndian(aad.AsSpan(HeaderSize), index);
        aad[^1] = final ? (byte)1 : (byte)0;
        return aad;
    }

    private sealed class SealingStream(Stream output, byte[] fileKey, byte[] header) : Stream
    {
        private readonly AesGcm _aes = new(fileKey, TagSize);
        private readonly byte[] _buffer = new byte[ChunkSize];
        private readonly byte[] _cipher = new byte[ChunkSize];
        private readonly byte[] _tag = new byte[TagSize];
        private int _filled;
        private long _index;
        private bool _closed;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => !_closed;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            while (buffer.Length > 0)
            {
                // A full buffer is sealed only once more bytes come, so the last chunk is always the final one.
                if (_filled == ChunkSize) Seal(final: false);
                var n = Math.Min(buffer.Length, ChunkSize - _filled);
                buffer[..n].CopyTo(_buffer.AsSpan(_filled));
                _filled += n;
                buffer = buffer[n..];
            }
        }

        private void Seal(bool final)
        {
            _aes.Encrypt(Nonce(_index), _buffer.AsSpan(0, _filled), _cipher.AsSpan(0, _filled), _tag, Aad(header, _index, final));
            Span<byte> frame = stackalloc byte[5];
            frame[0] = final ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteInt32LittleEndian(frame[1..], _filled);
            output.Write(frame);
            output.Write(_cipher, 0, _filled);
            output.Write(_tag);
            _index++;
            _filled = 0;
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_closed)
            {
                Seal(final: true);
                _closed = true;
                _aes.Dispose();
                output.Flush();
            }
            base.Dispose(disposing);
        }
    }
}
