-- Neovim's built-in LSP client (0.7+ API) attached to `node dist/server.js --stdio`: opens one
-- agent doc, waits for agentdoc's diagnostics, writes them as JSON and quits.
-- Usage: nvim --headless --clean -u NONE -l? (0.7 has no -l) -c "luafile collect-diagnostics.lua"
-- Environment: AGENTDOC_SERVER (path to dist/server.js), AGENTDOC_FILE, AGENTDOC_OUT.
local server = os.getenv('AGENTDOC_SERVER')
local file = os.getenv('AGENTDOC_FILE')
local out = os.getenv('AGENTDOC_OUT')

local function finish(payload, code)
  local handle = io.open(out, 'w')
  handle:write(vim.fn.json_encode(payload))
  handle:close()
  vim.cmd(code == 0 and 'qall!' or 'cquit! ' .. code)
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'agentdoc',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
if not client_id then finish({ error = 'could not start the language server' }, 2) end
vim.lsp.buf_attach_client(bufnr, client_id)

local deadline = vim.loop.now() + 20000
local timer = vim.loop.new_timer()
timer:start(200, 200, vim.schedule_wrap(function()
  local diagnostics = vim.diagnostic.get(bufnr)
  if #diagnostics > 0 or vim.loop.now() > deadline then
    timer:stop()
    local result = {}
    for _, d in ipairs(diagnostics) do
      local raw = d.user_data and d.user_data.lsp or {}
      table.insert(result, { code = d.code or raw.code, line = d.lnum, col = d.col, severity = d.severity, source = d.source, message = d.message })
    end
    finish({ diagnostics = result }, #diagnostics > 0 and 0 or 3)
  end
end))
