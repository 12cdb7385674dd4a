// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.28;

import {IERC20, IUniswapV2Pair, IUniswapV2Factory, IWETH, IERC3156FlashLender, IERC3156FlashBorrower} from "./Interfaces.sol";

/// Zero-capital arbitrage along a cycle of Uniswap V2-style pairs, funded by a flash swap from the
/// first pair or by an ERC-3156 flash loan. The contract enforces, the off-chain code proposes:
/// it reverts unless the cycle leaves at least `minProfit` (+ builder payment) of the start token.
contract FlashArbitrage is IERC3156FlashBorrower {
    struct Params {
        address[] factories; // one per hop: the pair for hop i is factories[i].getPair(tokens[i], tokens[i+1])
        uint256 minProfit; // in tokens[0], after repaying and after the builder payment
        uint256 deadlineBlock; // last block in which this may execute
        uint256 builderPayment; // wei paid to block.coinbase out of a WETH profit
    }

    bytes32 private constant ERC3156_OK = keccak256("ERC3156FlashBorrower.onFlashLoan");

    address public immutable owner;
    address public immutable weth;
    address public executor;
    mapping(address => bool) public allowedFactory;
    mapping(address => bool) public allowedLender;

    /// The one address allowed to call back into this contract, set only while our own flow runs.
    address private transient expectedCallback;

    event Arbitrage(address indexed token, uint256 borrowed, uint256 profit, uint256 builderPayment);

    error NotOwner();
    error NotExecutor();
    error Expired(uint256 deadlineBlock, uint256 blockNumber);
    error BadRoute();
    error UnknownFactory(address factory);
    error UnknownLender(address lender);
    error NoPair(address tokenA, address tokenB);
    error ForeignCallback(address caller);
    error ForeignInitiator(address initiator);
    error InsufficientProfit(uint256 profit, uint256 required);
    error TransferFailed(address token);
    error BuilderPaymentNeedsWeth();

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner();
        _;
    }

    modifier onlyExecutor() {
        if (msg.sender != executor && msg.sender != owner) revert NotExecutor();
        _;
    }

    constructor(address executor_, address weth_, address[] memory factories, address[] memory lenders) {
        owner = msg.sender;
        executor = executor_;
        weth = weth_;
        for (uint256 i = 0; i < factories.length; i++) allowedFactory[factories[i]] = true;
        for (uint256 i = 0; i < lenders.length; i++) allowedLender[lenders[i]] = true;
    }

    function setExecutor(address executor_) external onlyOwner {
        executor = executor_;
    }

    function setFactory(address factory, bool allowed) external onlyOwner {
        allowedFactory[factory] = allowed;
    }

    function setLender(address lender, bool allowed) external onlyOwner {
        allowedLender[lender] = allowed;
    }

    /// Flash swap: borrow `amount` of tokens[1] from the first pair, trade it along the cycle back to
    /// tokens[0], repay the first pair in tokens[0], keep the rest. `data` is abi.encode(Params).
    function executeArbitrage(address[] calldata tokens, uint256 amount, bytes calldata data) external onlyExecutor {
        Params memory p = _checked(tokens, data);
        uint256 before = IERC20(tokens[0]).balanceOf(address(this));
        address pair = _pair(p.factories[0], tokens[0], tokens[1]);
        expectedCallback = pair;
        bool borrowIs0 = IUniswapV2Pair(pair).token0() == tokens[1];
        IUniswapV2Pair(pair).swap(borrowIs0 ? amount : 0, borrowIs0 ? 0 : amount, address(this), abi.encode(tokens, p.factories));
        expectedCallback = address(0);
        _settle(tokens[0], amount, before, p);
    }

    /// ERC-3156: borrow `amount` of tokens[0] from an allowed lender, trade the whole cycle, repay amount + fee.
    function executeArbitrageWithLoan(address lender, address[] calldata tokens, uint256 amount, bytes calldata data)
        external
        onlyExecutor
    {
        Params memory p = _checked(tokens, data);
        if (!allowedLender[lender]) revert UnknownLender(lender);
        uint256 before = IERC20(tokens[0]).balanceOf(address(this));
        expectedCallback = lender;
        IERC3156FlashLender(lender).flashLoan(this, tokens[0], amount, abi.encode(tokens, p.factories));
        expectedCallback = address(0);
        _settle(tokens[0], amount, before, p);
    }

    /// Uniswap V2 flash-swap callback. Only the pair we called, only for a flow we started.
    function uniswapV2Call(address sender, uint256 amount0, uint256 amount1, bytes calldata data) external {
        if (msg.sender != expectedCallback || expectedCallback == address(0)) revert ForeignCallback(msg.sender);
        if (sender != address(this)) revert ForeignInitiator(sender);
        expectedCallback = address(0);
        (address[] memory tokens, address[] memory factories) = abi.decode(data, (address[], address[]));
        uint256 borrowed = amount0 > 0 ? amount0 : amount1;
        (uint256 reserveBase, uint256 reserveBorrow) = _reserves(msg.sender, tokens[0]);
        _swapHops(tokens, factories, 1, borrowed);
        // Reserves seen in the callback are the pre-swap ones, so this is exactly UniswapV2Library.getAmountIn.
        uint256 repay = (reserveBase * borrowed * 1000) / ((reserveBorrow - borrowed) * 997) + 1;
        _transfer(tokens[0], msg.sender, repay);
    }

    function onFlashLoan(address initiator, address token, uint256 amount, uint256 fee, bytes calldata data)
        external
        returns (bytes32)
    {
        if (msg.sender != expectedCallback || expectedCallback == address(0)) revert ForeignCallback(msg.sender);
        if (initiator != address(this)) revert ForeignInitiator(initiator);
        expectedCallback = address(0);
        (address[] memory tokens, address[] memory factories) = abi.decode(data, (address[], address[]));
        if (token != tokens[0]) revert BadRoute();
        _swapHops(tokens, factories, 0, amount);
        if (!IERC20(token).approve(msg.sender, amount + fee)) revert TransferFailed(token);
        return ERC3156_OK;
    }

    /// Recover anything sent here by mistake. Only to the owner.
    function sweep(address token) external onlyOwner {
        _transfer(token, owner, IERC20(token).balanceOf(address(this)));
    }

    receive() external payable {
        if (msg.sender != weth) revert ForeignCallback(msg.sender);
    }

    function _checked(address[] calldata tokens, bytes calldata data) private view returns (Params memory p) {
        p = abi.decode(data, (Params));
        if (block.number > p.deadlineBlock) revert Expired(p.deadlineBlock, block.number);
        if (tokens.length < 3 || tokens[0] != tokens[tokens.length - 1] || p.factories.length != tokens.length - 1) {
            revert BadRoute();
        }
        for (uint256 i = 0; i < p.factories.length; i++) {
            if (!allowedFactory[p.factories[i]]) revert UnknownFactory(p.factories[i]);
        }
        if (p.builderPayment > 0 && tokens[0] != weth) revert BuilderPaymentNeedsWeth();
    }

    function _settle(address token, uint256 borrowed, uint256 before, Params memory p) private {
        uint256 balance = IERC20(token).balanceOf(address(this));
        uint256 profit = balance > before ? balance - before : 0;
        if (profit < p.minProfit + p.builderPayment) revert InsufficientProfit(profit, p.minProfit + p.builderPayment);
        if (p.builderPayment > 0) {
            IWETH(weth).withdraw(p.builderPayment);
            (bool ok,) = block.coinbase.call{value: p.builderPayment}("");
            if (!ok) revert TransferFailed(address(0));
        }
        _transfer(token, owner, balance - p.builderPayment);
        emit Arbitrage(token, borrowed, profit - p.builderPayment, p.builderPayment);
    }

    /// Swaps hops [from, n) of the cycle, starting with `amountIn` of tokens[from] held here; returns the output.
    function _swapHops(address[] memory tokens, address[] memory factories, uint256 from, uint256 amountIn)
        private
        returns (uint256 amount)
    {
        amount = amountIn;
        for (uint256 i = from; i < factories.length; i++) {
            address pair = _pair(factories[i], tokens[i], tokens[i + 1]);
            (uint256 reserveIn, uint256 reserveOut) = _reserves(pair, tokens[i]);
            uint256 inWithFee = amount * 997;
            uint256 out = (inWithFee * reserveOut) / (reserveIn * 1000 + inWithFee);
            _transfer(tokens[i], pair, amount);
            bool outIs0 = IUniswapV2Pair(pair).token0() == tokens[i + 1];
            IUniswapV2Pair(pair).swap(outIs0 ? out : 0, outIs0 ? 0 : out, address(this), "");
            amount = out;
        }
    }

    function _pair(address factory, address a, address b) private view returns (address pair) {
        pair = IUniswapV2Factory(factory).getPair(a, b);
        if (pair == address(0)) revert NoPair(a, b);
    }

    /// (reserve of `tokenIn`, reserve of the other token).
    function _reserves(address pair, address tokenIn) private view returns (uint256, uint256) {
        (uint112 r0, uint112 r1,) = IUniswapV2Pair(pair).getReserves();
        return IUniswapV2Pair(pair).token0() == tokenIn ? (uint256(r0), uint256(r1)) : (uint256(r1), uint256(r0));
    }

    function _transfer(address token, address to, uint256 amount) private {
        (bool ok, bytes memory ret) = token.call(abi.encodeCall(IERC20.transfer, (to, amount)));
        if (!ok || (ret.length > 0 && !abi.decode(ret, (bool)))) revert TransferFailed(token);
    }
}
