namespace ProofOfHeat.Modbus.Tests;

/// <summary>Framing and PDUs against the byte examples of the Modbus Application Protocol Specification V1.1b3.</summary>
public sealed class ModbusCodecTests
{
    [Fact]
    public void A_request_is_framed_with_transaction_id_protocol_zero_length_and_unit()
    {
        // §6.3's example request: read holding registers 108–110 (PDU 03 00 6B 00 03), here as transaction 0x1501 to unit 0xFF.
        var frame = ModbusFrame.Encode(0x1501, 0xFF, ModbusPdu.Read(ModbusFunction.ReadHoldingRegisters, 0x006B, 3));

        Assert.Equal("150100000006FF03006B0003", Convert.ToHexString(frame));
    }

    [Fact]
    public void The_specifications_read_reply_decodes_to_its_register_values()
    {
        // §6.3's example reply: 03 06 02 2B 00 00 00 64 = registers 555, 0, 100.
        var words = ModbusPdu.DecodeRegisters(Convert.FromHexString("0306022B00000064"), ModbusFunction.ReadHoldingRegisters, 3);

        Assert.Equal(new ushort[] { 555, 0, 100 }, words);
    }

    [Fact]
    public void Coils_are_packed_first_coil_in_the_lowest_bit()
    {
        // §6.11's example: coils 20–29 set to 1 0 1 1 0 0 1 1 1 0 → bytes CD 01.
        bool[] values = [true, false, true, true, false, false, true, true, true, false];

        Assert.Equal("0F0013000A02CD01", Convert.ToHexString(ModbusPdu.WriteMultipleCoils(19, values)));
        // §6.1's example reply: 01 03 CD 6B 05 = 19 coils from address 19.
        var bits = ModbusPdu.DecodeBits(Convert.FromHexString("0103CD6B05"), ModbusFunction.ReadCoils, 19);
        Assert.Equal([true, false, true, true, false, false, true, true], bits[..8]);
        Assert.Equal([true, false, true], bits[16..]);
    }

    [Fact]
    public void An_exception_response_is_a_typed_error()
    {
        // §7's example: function 0x81 (read coils with the high bit set), exception code 02.
        var error = Assert.Throws<ModbusServerException>(() => ModbusPdu.DecodeBits(Convert.FromHexString("8102"), ModbusFunction.ReadCoils, 1));

        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, error.Code);
        Assert.Equal("Modbus exception 2 (illegal data address) in reply to function 1 (ReadCoils)", error.Message);
    }

    [Theory]
    [InlineData("000100010003", "protocol id 1")]
    [InlineData("000000000001", "length 1")]
    [InlineData("00000000FFFF", "length 65535")]
    public void A_header_that_is_not_Modbus_is_a_protocol_error(string hex, string said)
    {
        var header = Convert.FromHexString(hex + "01");

        var error = Assert.Throws<ModbusProtocolException>(() => ModbusFrame.DecodeHeader(header));
        Assert.Contains(said, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ModbusFunction.ReadCoils, 2001)]
    [InlineData(ModbusFunction.ReadHoldingRegisters, 126)]
    [InlineData(ModbusFunction.ReadInputRegisters, 0)]
    public void Quantities_beyond_one_requests_limit_are_refused_before_sending(ModbusFunction function, int quantity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusPdu.Read(function, 0, quantity));

    [Fact]
    public void A_write_reply_that_does_not_echo_the_request_is_a_protocol_error()
    {
        var request = ModbusPdu.WriteSingleRegister(1, 450);

        ModbusPdu.CheckWriteEcho(request, request);
        Assert.Throws<ModbusProtocolException>(() => ModbusPdu.CheckWriteEcho(ModbusPdu.WriteSingleRegister(1, 449), request));
    }
}
