// An independent Modbus TCP server for our client's tests: modbus-serial's ServerTCP with a vector over four small
// tables. Unit 1 is served; holding register 100 and above answers exception 2 (illegal data address). Prints one
// JSON line {"port": N} once listening; runs until killed (a test kills it to drop the connection).
const ModbusRTU = require("modbus-serial");

const port = Number(process.argv[2]);
const coils = Array(64).fill(false);
const discrete = Array.from({ length: 64 }, (_, i) => i % 3 === 0);
const holding = Array.from({ length: 100 }, (_, i) => i * 10);
const input = Array.from({ length: 100 }, (_, i) => 1000 + i);

function check(addr, table) {
  if (addr < 0 || addr >= table.length) {
    throw { modbusErrorCode: 0x02, msg: "illegal data address" };
  }
}

const vector = {
  getCoil: (addr) => { check(addr, coils); return coils[addr]; },
  getDiscreteInput: (addr) => { check(addr, discrete); return discrete[addr]; },
  getHoldingRegister: (addr) => { check(addr, holding); return holding[addr]; },
  getInputRegister: (addr) => { check(addr, input); return input[addr]; },
  setCoil: (addr, value) => { check(addr, coils); coils[addr] = value; },
  setRegister: (addr, value) => { check(addr, holding); holding[addr] = value; },
};

const server = new ModbusRTU.ServerTCP(vector, { host: "127.0.0.1", port, unitID: 1 });
server.on("initialized", () => process.stdout.write(JSON.stringify({ port }) + "\n"));
server.on("socketError", () => {});
server.on("error", (e) => { process.stderr.write(String(e) + "\n"); process.exit(1); });
